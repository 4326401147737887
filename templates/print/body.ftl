<#ftl output_format="XML" strip_whitespace=true>
<#--
  How the body of one part becomes XSL-FO. The elements are Asciidoctor's HTML as PrintBody prepared it:
  headings carry their PDF level, list items their marker, links "internal" (an id in the brochure) or
  "external" (an address), images their file. Every text goes through runs(): it picks the font for each script.
  Unknown elements keep their text (@element): nothing is dropped.
-->
<#macro @document><#recurse></#macro>
<#macro @element><#recurse></#macro>
<#macro @text>${runs(.node)}</#macro>
<#macro @comment></#macro>
<#macro body><#recurse></#macro>

<#function parentName><#return .node?parent?node_name></#function>

<#macro p>
  <#local parent = parentName()>
  <fo:block text-indent="0mm" space-after="<#if parent == 'td' || parent == 'th'>0mm<#elseif parent == 'li' || parent == 'dd'>0.8mm<#else>2.4mm</#if>"><#recurse></fo:block>
</#macro>
<#macro div>
  <#if .node.@class[0]?? && .node.@class?contains("title")>
  <fo:block font-weight="bold" keep-with-next.within-page="always" space-after="1mm"><#recurse></fo:block>
  <#else>
  <fo:block space-after="1.5mm"><#recurse></fo:block>
  </#if>
</#macro>

<#macro h2><@heading/></#macro>
<#macro h3><@heading/></#macro>
<#macro h4><@heading/></#macro>
<#macro h5><@heading/></#macro>
<#macro h6><@heading/></#macro>
<#macro heading>
  <#local level = .node.@level?number>
  <#local size = {"2": "1.35em", "3": "1.2em", "4": "1.1em", "5": "1em", "6": "1em"}[level?c]>
  <fo:block role="H${level}"<#if .node.@id[0]??> id="${.node.@id}"</#if> font-size="${size}" font-weight="bold" line-height="${rtl?then('1.5', '1.3')}" color="${color.accent}" keep-with-next.within-page="always" space-before="<#if level lte 3>5mm<#else>3mm</#if>" space-after="1.8mm"><#recurse></fo:block>
</#macro>

<#macro ul><@list/></#macro>
<#macro ol><@list/></#macro>
<#macro list>
  <#if rtl>
  <#-- FOP places list labels on the wrong side in right-to-left text: blocks with the list roles instead. -->
  <fo:block role="L" space-after="2mm"><#recurse></fo:block>
  <#else>
  <fo:list-block provisional-distance-between-starts="5.5mm" provisional-label-separation="1.5mm" space-after="2mm"><#recurse></fo:list-block>
  </#if>
</#macro>
<#macro li>
  <#if rtl>
  <fo:block role="LI" start-indent="from-parent(start-indent) + 5.5mm" text-indent="-5.5mm" space-after="0.8mm">
    <#list .node?children as child>
      <#if child?is_first && child?node_name == "p">
    <fo:inline role="Lbl">${runs(.node.@label)}</fo:inline><fo:leader leader-pattern="space" leader-length="2.5mm"/><fo:inline role="LBody"><#recurse child></fo:inline>
      <#else>
    <#visit child>
      </#if>
    </#list>
  </fo:block>
  <#else>
  <fo:list-item space-after="0.8mm">
    <fo:list-item-label end-indent="label-end()"><fo:block>${runs(.node.@label)}</fo:block></fo:list-item-label>
    <fo:list-item-body start-indent="body-start()"><fo:block><#recurse></fo:block></fo:list-item-body>
  </fo:list-item>
  </#if>
</#macro>

<#macro dl><fo:block space-after="2mm"><#recurse></fo:block></#macro>
<#macro dt><fo:block font-weight="bold" keep-with-next.within-page="always" space-before="1.2mm"><#recurse></fo:block></#macro>
<#macro dd><fo:block start-indent="from-parent(start-indent) + 4mm"><#recurse></fo:block></#macro>

<#macro blockquote>
  <fo:block role="BlockQuote" start-indent="from-parent(start-indent) + 5mm" end-indent="from-parent(end-indent) + 5mm" border-start-style="solid" border-start-width="1.5pt" border-start-color="${color.accent}" padding-start="3mm" space-after="3mm"><#recurse></fo:block>
</#macro>

<#macro table>
  <#list .node.caption as caption>
  <fo:block font-weight="bold" keep-with-next.within-page="always" space-after="1mm"><#recurse caption></fo:block>
  </#list>
  <fo:table table-layout="fixed" width="100%" border-collapse="collapse" space-after="3mm">
    <#list .node.colgroup.col as col>
    <fo:table-column column-width="proportional-column-width(${col.@width})"/>
    </#list>
    <#list .node.thead as head><fo:table-header><#recurse head></fo:table-header></#list>
    <#list .node.tbody as rows><fo:table-body><#recurse rows></fo:table-body></#list>
  </fo:table>
</#macro>
<#macro caption></#macro>
<#macro colgroup></#macro>
<#-- A row stays on one page: split rows would interleave the halves of a comparison. -->
<#macro tr><fo:table-row keep-together.within-page="always"><#recurse></fo:table-row></#macro>
<#macro th><@cell header=true/></#macro>
<#macro td><@cell header=false/></#macro>
<#macro cell header>
  <fo:table-cell border="0.5pt solid ${color.rule}" padding="1.2mm"<#if header> background-color="${color.tint}"</#if>><fo:block<#if header> font-weight="bold"</#if>><#recurse></fo:block></fo:table-cell>
</#macro>

<#macro strong><fo:inline font-weight="bold"><#recurse></fo:inline></#macro>
<#macro b><fo:inline font-weight="bold"><#recurse></fo:inline></#macro>
<#-- The Arabic font has no italic face; right-to-left text is emphasised by the words alone, as in the site's fonts. -->
<#macro em><#if rtl><#recurse><#else><fo:inline font-style="italic"><#recurse></fo:inline></#if></#macro>
<#macro i><@em/></#macro>
<#macro sup><fo:inline baseline-shift="super" font-size="70%"><#recurse></fo:inline></#macro>
<#macro sub><fo:inline baseline-shift="sub" font-size="70%"><#recurse></fo:inline></#macro>
<#macro br><fo:block/></#macro>
<#macro hr><fo:block border-bottom="0.5pt solid ${color.rule}" space-after="2mm"/></#macro>

<#macro a>
  <#if !print && .node.@internal[0]??>
  <fo:basic-link internal-destination="${.node.@internal}" fox:alt-text="${.node.@alt}" color="${color.accent}" text-decoration="underline"><#recurse></fo:basic-link><#t>
  <#elseif !print && .node.@external[0]??>
  <fo:basic-link external-destination="url('${.node.@external}')" fox:alt-text="${.node.@alt}" color="${color.accent}" text-decoration="underline"><#recurse></fo:basic-link><#t>
  <#else>
  <#recurse><#t>
  </#if>
</#macro>

<#macro img>
  <fo:block space-after="2mm"><fo:external-graphic src="url('${.node.@file}')" fox:alt-text="${.node.@alt}" content-width="scale-down-to-fit" width="100%"/></fo:block>
</#macro>

<#macro footnote>
  <fo:footnote><fo:inline baseline-shift="super" font-size="70%">${.node.@number}</fo:inline><fo:footnote-body><fo:block font-size="7.5pt" line-height="1.35" font-weight="normal" font-style="normal" color="${color.text}" start-indent="0mm" end-indent="0mm" text-indent="0mm" space-before="1mm">${.node.@number} <#recurse></fo:block></fo:footnote-body></fo:footnote><#t>
</#macro>
<#macro "footnote-ref"><fo:inline baseline-shift="super" font-size="70%">${.node.@number}</fo:inline></#macro>
