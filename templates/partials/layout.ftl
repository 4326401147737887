<#-- The frame of every page: head, header with skip link and navigation, breadcrumb, main, footer. -->
<#macro page title description="" bodyClass="" noindex=false crumbLang="">
<!DOCTYPE html>
<html lang="${lang.lang}" dir="${lang.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'">
<meta name="referrer" content="no-referrer">
<title><#if title != msg.get("site.name")>${title} – </#if>${msg.get("site.name")}</title>
<#if description?has_content><meta name="description" content="${description}"></#if>
<#if noindex><meta name="robots" content="noindex"></#if>
<link rel="stylesheet" href="${root}assets/css/fonts-latin.css">
<#if fonts != "latin"><link rel="stylesheet" href="${root}assets/css/fonts-${fonts}.css"></#if>
<link rel="stylesheet" href="${root}assets/css/site.css">
<#list alternates as a>
<link rel="alternate" hreflang="${a.hreflang}" href="${a.url}">
</#list>
<#if alternates?has_content><link rel="alternate" hreflang="x-default" href="${xDefault}"></#if>
</head>
<body<#if bodyClass?has_content> class="${bodyClass}"</#if>>
<a class="skip-link" href="#main">${msg.get("nav.skip")}</a>
<header class="site-header">
  <div class="site-header__inner">
    <a class="site-name" href="${home}">${msg.get("site.name")}<span class="site-tagline">${msg.get("site.tagline")}</span></a>
    <nav class="site-nav" aria-label="${msg.get("nav.main")}">
      <ul>
        <li><a href="${home}">${msg.get("nav.home")}</a></li>
        <li><a href="${allDocuments}">${msg.get("nav.documents")}</a></li>
        <li><a href="${downloadsPage}">${msg.get("pdf.downloads")}</a></li>
      </ul>
    </nav>
    <form class="site-search" role="search" action="${searchPage}" method="get" aria-label="${msg.get("search.title")}">
      <label for="site-search-q" class="visually-hidden">${msg.get("search.label")}</label>
      <input type="search" id="site-search-q" name="q" dir="auto" enterkeyhint="search">
      <button type="submit">${msg.get("search.button")}</button>
    </form>
    <details class="language-switcher">
      <summary><span class="visually-hidden">${msg.get("languages.switcher")}: </span><span aria-hidden="true" class="language-switcher__icon">⇄</span> ${lang.autonym}</summary>
      <nav aria-label="${msg.get("languages.switcher")}">
        <ul>
        <#list switcher as l>
          <li><#if l.current><a href="${l.url}" lang="${l.lang}" dir="${l.dir}" hreflang="${l.hreflang}" aria-current="page">${l.autonym}</a><#else><a href="${l.url}" lang="${l.lang}" dir="${l.dir}" hreflang="${l.hreflang}">${l.autonym}</a></#if></li>
        </#list>
          <li class="language-switcher__all"><a href="${languageChooser}">${msg.get("nav.languages")}</a></li>
        </ul>
      </nav>
    </details>
  </div>
</header>
<#if breadcrumbs?has_content>
<nav class="breadcrumb" aria-label="${msg.get("nav.breadcrumb")}">
  <ol>
  <#list breadcrumbs as crumb>
    <li><a href="${crumb.url}">${crumb.label}</a></li>
  </#list>
    <li><span aria-current="page"<#if crumbLang?has_content> lang="${crumbLang.lang}" dir="${crumbLang.dir}"</#if>>${title}</span></li>
  </ol>
</nav>
</#if>
<main id="main" tabindex="-1">
<#nested>
</main>
<footer class="site-footer">
  <div class="site-footer__inner">
  <#if footerLinks?has_content>
    <nav aria-label="${msg.get("nav.footer")}">
      <ul>
      <#list footerLinks as link>
        <li><a href="${link.url}">${link.label}</a></li>
      </#list>
      </ul>
    </nav>
  </#if>
    <p>${msg.get("footer.privacy")}</p>
    <p>${msg.get("footer.generator")}</p>
  </div>
</footer>
</body>
</html>
</#macro>
