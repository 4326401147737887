<#-- A published document: heading, facts about its source, brochure navigation, contents, body, imprint. -->
<#import "layout.ftl" as layout>
<#import "pdf-link.ftl" as pdfl>
<#macro document>
<#-- Text of the shown document carries its own language where it differs from the page's (missing translation). -->
<#assign cl><#if doc.foreign> lang="${doc.contentLang.lang}" dir="${doc.contentLang.dir}"</#if></#assign>
<@layout.page title=doc.title description=(doc.description!"") bodyClass="page-document page-${doc.type}" noindex=doc.foreign crumbLang=(doc.foreign?then(doc.contentLang, ""))>
<article class="document document--${doc.type}">
  <header class="document-header">
    <p class="document-type"><a href="${doc.typeListing}">${doc.typeLabel}</a></p>
    <h1${cl}>${doc.title}</h1>
    <#if doc.state == "MISSING">
    <p class="notice notice--translation">${msg.get("translation.missing")}</p>
    <#elseif doc.state == "OUTDATED">
    <p class="notice notice--translation">${msg.get("translation.outdated")} <a href="${doc.original}" hreflang="de" lang="de">${msg.get("translation.readOriginal")}</a></p>
    <#elseif doc.state == "CURRENT">
    <p class="translation-note">${msg.get("translation.note")} <a href="${doc.original}" hreflang="de">${msg.get("translation.readOriginal")}</a></p>
    </#if>
    <#if doc.example>
    <p class="notice notice--example">${msg.get("doc.example")}</p>
    </#if>
    <#if doc.description??>
    <p class="lead"${cl}>${doc.description}</p>
    </#if>
    <#nested "afterLead">
    <section class="document-meta" aria-labelledby="meta-title">
      <h2 id="meta-title" class="visually-hidden">${msg.get("doc.meta")}</h2>
      <dl>
        <#if doc.publisher??><div><dt>${msg.get("doc.publisher")}</dt><dd><bdi lang="de">${doc.publisher}</bdi></dd></div></#if>
        <#if doc.coPublisher??><div><dt>${msg.get("doc.coPublisher")}</dt><dd><bdi lang="de">${doc.coPublisher}</bdi></dd></div></#if>
        <#if doc.municipality??><div><dt>${msg.get("doc.municipality")}</dt><dd><bdi lang="de">${doc.municipality}</bdi></dd></div></#if>
        <#if doc.reportYear??><div><dt>${msg.get("doc.reportYear")}</dt><dd>${doc.reportYear}</dd></div></#if>
        <#if doc.originalTitle?? && doc.originalTitle != doc.title><div><dt>${msg.get("doc.originalTitle")}</dt><dd><bdi lang="de">${doc.originalTitle}</bdi></dd></div></#if>
        <#if doc.sourceDate??>
        <div><dt>${msg.get("doc.sourceDate")}</dt><dd>${doc.sourceDate}</dd></div>
        <#elseif doc.sourceDateUnknown>
        <div><dt>${msg.get("doc.sourceDate")}</dt><dd>${msg.get("doc.sourceDateUnknown")}</dd></div>
        </#if>
        <#if doc.inForceDate??><div><dt>${msg.get("doc.inForceDate")}</dt><dd>${doc.inForceDate}</dd></div></#if>
        <#if doc.sourceNote??><div><dt>${msg.get("doc.sourceNote")}</dt><dd${cl}>${doc.sourceNote}</dd></div></#if>
      </dl>
      <#if doc.type != "page" && !doc.example && (doc.state == "ORIGINAL" || doc.state == "MISSING")><p class="fidelity-note">${msg.get("doc.fidelity")}</p></#if>
    </section>
  </header>
  <#if doc.brochure??>
  <nav class="brochure-nav" aria-labelledby="brochure-title">
    <h2 id="brochure-title"><span class="brochure-nav__label">${msg.get("brochure.label")}</span> <span lang="${doc.brochure.titleLang.lang}" dir="${doc.brochure.titleLang.dir}">${doc.brochure.title}</span></h2>
    <p>${msg.format("brochure.part", doc.brochure.number, doc.brochure.count)}</p>
    <ol>
    <#list doc.brochure.parts as part>
      <li lang="${part.lang.lang}" dir="${part.lang.dir}"><#if part.current><span aria-current="page">${part.label}</span><#else><a href="${part.url}">${part.label}</a></#if></li>
    </#list>
    </ol>
    <#if doc.pdf??><@pdfl.link pdf=doc.pdf/></#if>
  </nav>
  </#if>
  <#if doc.showToc>
  <nav class="toc" aria-labelledby="toc-title">
    <h2 id="toc-title">${msg.get("nav.toc")}</h2>
    <ol>
    <#list doc.toc as entry>
      <li class="toc__level-${entry.level}"${cl}><a href="#${entry.id}">${entry.text}</a></li>
    </#list>
    </ol>
  </nav>
  </#if>
  <div class="document-body"${cl}>
${doc.body?no_esc}
  </div>
  <#if doc.brochure?? && doc.brochure.imprint??>
  <#assign imprint = doc.brochure.imprint>
  <section class="imprint" aria-labelledby="imprint-title">
    <h2 id="imprint-title">${msg.get("brochure.imprint")}</h2>
    <address lang="de">
      <#if imprint.publisher??><p>${imprint.publisher}</p></#if>
      <#if imprint.department??><p>${imprint.department}</p></#if>
      <#if imprint.address?has_content><p><#list imprint.address as line>${line}<#sep><br></#sep></#list></p></#if>
      <#if imprint.web??><p><a href="https://${imprint.web}">${imprint.web}</a></p></#if>
    </address>
    <#if imprint.layout??><p>${msg.format("brochure.layout", imprint.layout)}</p></#if>
    <#if imprint.print??><p>${msg.format("brochure.print", imprint.print)}</p></#if>
    <#if imprint.printRun??><p>${msg.format("brochure.printRun", imprint.printRun)}</p></#if>
    <#if imprint.date??><p>${imprint.date}</p></#if>
  </section>
  </#if>
</article>
</@layout.page>
</#macro>
