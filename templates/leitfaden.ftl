<#-- Template for documents of type 'leitfaden'. -->
<#import "partials/document.ftl" as d>
<@d.document/>
