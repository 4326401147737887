<#-- Template for documents of type 'aufgaben'. -->
<#import "partials/document.ftl" as d>
<@d.document/>
