<#-- Documents grouped by type, as lists of links with publisher and date. -->
<#macro groups groups linkHeadings=true>
<#list groups as group>
<section class="doc-group" aria-labelledby="group-${group.type}">
  <h2 id="group-${group.type}"><#if linkHeadings><a href="${group.url}">${group.label}</a><#else>${group.label}</#if></h2>
  <ul class="doc-list">
  <#list group.documents as d>
    <li>
      <#assign dl><#if d.foreign> lang="${d.lang.lang}" dir="${d.lang.dir}"</#if></#assign>
      <a class="doc-list__title" href="${d.url}"${dl}>${d.label}</a>
      <#if d.description??><p${dl}>${d.description}</p></#if>
      <#if d.publisher?? || d.sourceDate??><p class="doc-list__meta"><#if d.publisher??><bdi lang="de">${d.publisher}</bdi></#if><#if d.publisher?? && d.sourceDate??> · </#if><#if d.sourceDate??>${d.sourceDate}</#if></p></#if>
    </li>
  </#list>
  </ul>
</section>
</#list>
</#macro>
