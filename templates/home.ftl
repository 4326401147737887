<#-- The home page of a language: what the site is, then the documents by type. -->
<#import "partials/layout.ftl" as layout>
<#import "partials/groups.ftl" as g>
<@layout.page title=msg.get("site.name") description=msg.get("home.intro") bodyClass="page-home">
<div class="intro">
  <h1>${msg.get("home.heading")}</h1>
  <p class="lead">${msg.get("home.intro")}</p>
  <p>${msg.get("home.privacy")}</p>
</div>
<@g.groups groups=groups/>
<p class="more"><a href="${allDocuments}">${msg.get("nav.documents")}</a></p>
</@layout.page>
