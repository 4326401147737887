<#-- The site root: the reader chooses a language. No script and no guessing from the browser: a first-time
     reader may be on a borrowed phone whose settings say nothing about them. -->
<#import "partials/layout.ftl" as layout>
<@layout.page title=msg.get("site.name") bodyClass="page-languages">
<h1><#list languages as l><span lang="${l.lang}" dir="${l.dir}">${l.title}</span><#sep> · </#sep></#list></h1>
<ul class="language-list">
<#list languages as l>
  <li><a href="${l.url}" lang="${l.lang}" dir="${l.dir}" hreflang="${l.hreflang}">${l.autonym}</a></li>
</#list>
</ul>
</@layout.page>
