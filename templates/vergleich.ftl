<#-- Template for documents of type 'vergleich'. -->
<#import "partials/document.ftl" as d>
<@d.document/>
