<#--
  The downloads page of a language: every brochure as an accessible PDF in every language it exists in, then the
  print PDFs for print shops. Model, besides what every page has:
    brochures: [{id, title, titleLang: {lang, dir},
                 editions: [{lang: {id, lang, hreflang, dir, autonym},
                             accessible: {url, size, pages}, print: {url, size, pages}}]}]
  (size: the file size as text in the page's language, e.g. "63 KB"; pages: a number)
-->
<#import "partials/layout.ftl" as layout>
<@layout.page title=msg.get("pdf.downloads") description=msg.get("pdf.downloadsIntro") bodyClass="page-downloads">
<h1>${msg.get("pdf.downloads")}</h1>
<p class="lead">${msg.get("pdf.downloadsIntro")}</p>
<#list brochures as brochure>
<section class="downloads" aria-labelledby="brochure-${brochure.id}">
  <h2 id="brochure-${brochure.id}" lang="${brochure.titleLang.lang}" dir="${brochure.titleLang.dir}">${brochure.title}</h2>
  <ul class="downloads__list">
  <#list brochure.editions as edition>
    <li>
      <a href="${edition.accessible.url}" hreflang="${edition.lang.hreflang}" type="application/pdf"><span lang="${edition.lang.lang}" dir="${edition.lang.dir}">${edition.lang.autonym}</span><span class="visually-hidden">: ${msg.get("pdf.accessible")}</span></a>
      <span class="downloads__details">${msg.format("pdf.details", edition.accessible.size, edition.accessible.pages)}</span>
    </li>
  </#list>
  </ul>
</section>
</#list>
<section class="print-orders" aria-labelledby="print-orders">
  <h2 id="print-orders">${msg.get("pdf.printSection")}</h2>
  <p>${msg.get("pdf.printIntro")}</p>
  <#list brochures as brochure>
  <h3 id="print-${brochure.id}" lang="${brochure.titleLang.lang}" dir="${brochure.titleLang.dir}">${brochure.title}</h3>
  <ul class="downloads__list">
  <#list brochure.editions as edition>
    <li>
      <a href="${edition.print.url}" hreflang="${edition.lang.hreflang}" type="application/pdf"><span lang="${edition.lang.lang}" dir="${edition.lang.dir}">${edition.lang.autonym}</span><span class="visually-hidden">: ${msg.get("pdf.print")}</span></a>
      <span class="downloads__details">${msg.format("pdf.details", edition.print.size, edition.print.pages)}</span>
    </li>
  </#list>
  </ul>
  </#list>
</section>
</@layout.page>
