<#-- The site root: the reader chooses a language; no script, no guessing from the browser. -->
<#import "partials/layout.ftl" as layout>
<@layout.page title=msg.get("site.name") bodyClass="page-languages">
<h1><#list messagesByLanguage as m><span lang="${m.lang}" dir="${m.dir}">${m.msg.get("languages.title")}</span><#sep> · </#sep></#list></h1>
<ul class="language-list">
<#list languages as l>
  <li><a href="${l.url}" lang="${l.lang}" dir="${l.dir}" hreflang="${l.lang}">${l.autonym}</a></li>
</#list>
</ul>
</@layout.page>
