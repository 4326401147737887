<#-- Template for documents of type 'leitbild'. -->
<#import "partials/document.ftl" as d>
<@d.document/>
