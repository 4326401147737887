<#-- Template for documents of type 'anforderungsprofil'. -->
<#import "partials/document.ftl" as d>
<@d.document/>
