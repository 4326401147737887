<#-- Template for documents of type 'page'. -->
<#import "partials/document.ftl" as d>
<@d.document/>
