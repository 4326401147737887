<#-- The editor's guide for officers (docs/redaktionshandbuch.adoc): the frame of every page, not indexed. -->
<#import "partials/layout.ftl" as layout>
<@layout.page title=guide.title description=guide.description bodyClass="page-document page-guide" noindex=true>
<article class="document document--guide">
  <header class="document-header">
    <h1>${guide.title}</h1>
    <#if guide.description?has_content>
    <p class="lead">${guide.description}</p>
    </#if>
  </header>
  <#if guide.toc?has_content>
  <nav class="toc" aria-labelledby="toc-title">
    <h2 id="toc-title">${msg.get("nav.toc")}</h2>
    <ol>
    <#list guide.toc as entry>
      <li class="toc__level-${entry.level}"><a href="#${entry.id}">${entry.text}</a></li>
    </#list>
    </ol>
  </nav>
  </#if>
  <div class="document-body">
${guide.body?no_esc}
  </div>
</article>
</@layout.page>
