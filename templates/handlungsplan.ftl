<#-- Template for documents of type 'handlungsplan': numbered sections are part of the headings. -->
<#import "partials/document.ftl" as d>
<@d.document/>
