<#-- A listing page: all documents, or the documents of one type. -->
<#import "partials/layout.ftl" as layout>
<#import "partials/groups.ftl" as g>
<@layout.page title=listingTitle description=listingIntro bodyClass="page-listing">
<h1>${listingTitle}</h1>
<p class="lead">${listingIntro}</p>
<#if groups?has_content>
<@g.groups groups=groups linkHeadings=(groups?size > 1)/>
<#else>
<p>${msg.get("listing.empty")}</p>
</#if>
</@layout.page>
