<#-- The search page of a language (<lang>/search.html): a form that assets/js/search-page.mjs answers from the
     language's static index (model: searchIndex, the index folder relative to this page). The script takes all
     its texts from the form's data-msg-* attributes. MessageFormat does not exist in JavaScript, so the
     count of results is rendered here for one, two, and any other number, with {0} left for the script:
     formatting with infinity selects the choice's last form and prints "∞", which becomes "{0}". A bundle
     whose choice tells apart more numbers than 1, 2 and "more" needs one more attribute here. -->
<#import "partials/layout.ftl" as layout>
<@layout.page title=msg.get("search.title") description=msg.get("search.intro") bodyClass="page-search">
<h1>${msg.get("search.title")}</h1>
<p class="lead">${msg.get("search.intro")}</p>
<noscript><p class="notice">${msg.get("search.noscript")} <a href="${allDocuments}">${msg.get("nav.documents")}</a></p></noscript>
<form role="search" action="search.html" method="get" id="search-form" class="search-form"
    data-index="${searchIndex}"
    data-number-locale="${msg.locale().toLanguageTag()}"
    data-msg-results-one="${msg.format("search.results", 1)}"
    data-msg-results-two="${msg.format("search.results", 2)}"
    data-msg-results-other="${msg.format("search.results", "INF"?number)?replace("∞", "{0}")}"
    data-msg-no-results="${msg.format("search.noResults", "{0}")}"
    data-msg-empty="${msg.get("search.empty")}"
    data-msg-stopwords="${msg.get("search.onlyStopwords")}"
    data-msg-too-long="${msg.format("search.tooLong", "{0}")}"
    data-msg-loading="${msg.get("search.loading")}"
    data-msg-failed="${msg.get("search.failed")}"
    data-msg-in-section="${msg.format("search.inSection", "{0}")}">
  <label for="search-query">${msg.get("search.label")}</label>
  <div class="search-form__row">
    <input type="search" name="q" id="search-query" dir="auto" autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search">
    <button type="submit">${msg.get("search.button")}</button>
  </div>
</form>
<p id="search-status" class="search-status" role="status"></p>
<ol id="search-results" class="search-results"></ol>
<script type="module" src="${root}assets/js/search-page.mjs"></script>
</@layout.page>
