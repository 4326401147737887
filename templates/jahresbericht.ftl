<#-- Template for documents of type 'jahresbericht'. The example notice is shown by the document partial. -->
<#import "partials/document.ftl" as d>
<@d.document/>
