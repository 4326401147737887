<#--
  The download link of a brochure's accessible PDF, for the page of a document that is part of the brochure.
  pdf: {url: link relative to the page, size: file size as text in the page's language (e.g. "63 KB"),
        pages: number of pages}
-->
<#macro link pdf>
<p class="pdf-link"><a href="${pdf.url}" type="application/pdf">${msg.get("pdf.download")}</a> <span class="pdf-link__details">${msg.format("pdf.details", pdf.size, pdf.pages)}</span></p>
</#macro>
