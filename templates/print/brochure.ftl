<#ftl output_format="XML" strip_whitespace=true>
<#--
  One brochure in one language as XSL-FO for Apache FOP, A5 portrait (148 × 210 mm).
  print = false: the accessible PDF (tagged, with links and bookmarks).
  print = true:  the print PDF: the same pages with 3 mm bleed (and crop marks if cropMarks), then blankPages
                 empty pages and the back cover, so that the page count is a multiple of 4.
  runs(text) sets a text in the fonts its scripts need; isolate(text) also keeps a German name or address in a
  right-to-left brochure in left-to-right order.
  fontSize is the running text's size (pdf.font-size in jbake.properties; Leichte Sprache is set larger);
  headings scale with it, footnotes (7.5 pt) and page numbers (8 pt) do not.
  Page numbers are set in numberFont: FOP measures an unresolved page number as "MMM" in the current font.
  Both have the same pages up to the imprint, so the accessible PDF's page count tells how many blank pages
  the print PDF needs.
-->
<#import "body.ftl" as body>
<#assign writingMode = rtl?then(' writing-mode="rl-tb"', '')>
<#-- Arabic letters reach higher and lower than Latin ones: headings of several lines need more room. -->
<#assign headingLeading = rtl?then('1.5', '1.25')>
<#macro pageAttributes><#if print> fox:bleed="3mm" fox:crop-offset="<#if cropMarks>10mm<#else>3mm</#if>" fox:crop-box="media-box"</#if></#macro>
<#macro footer>
  <fo:static-content flow-name="xsl-region-after" role="artifact">
    <fo:block text-align="center" font-size="8pt" color="${color.muted}" font-family="${numberFont}"><fo:page-number/></fo:block>
  </fo:static-content>
  <fo:static-content flow-name="xsl-footnote-separator" role="artifact">
    <fo:block><fo:leader leader-pattern="rule" leader-length="25%" rule-thickness="0.5pt" color="${color.rule}"/></fo:block>
  </fo:static-content>
</#macro>
<#macro bookmark mark>
  <fo:bookmark internal-destination="${mark.id}"><fo:bookmark-title>${mark.title}</fo:bookmark-title><#list mark.children![] as child><@bookmark child/></#list></fo:bookmark>
</#macro>
<#macro fact label value><fo:block><fo:inline font-weight="bold">${runs(label)}:</fo:inline> ${isolate(value)}</fo:block></#macro>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:fox="http://xmlgraphics.apache.org/fop/extensions" xml:lang="${lang.lang}" font-family="${baseFont}" font-size="${fontSize}" line-height="1.45" line-stacking-strategy="font-height" color="${color.text}">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="cover" page-width="148mm" page-height="210mm"<@pageAttributes/>>
      <fo:region-body margin="18mm 16mm 18mm 16mm"/>
    </fo:simple-page-master>
    <#-- The inner margin is wider; a right-to-left brochure is bound on the right. -->
    <fo:simple-page-master master-name="right-hand" page-width="148mm" page-height="210mm" margin-top="15mm" margin-bottom="10mm" margin-${rtl?then('right', 'left')}="18mm" margin-${rtl?then('left', 'right')}="14mm"<@pageAttributes/>>
      <fo:region-body margin-bottom="13mm"${writingMode?no_esc}/>
      <fo:region-after extent="8mm"/>
    </fo:simple-page-master>
    <fo:simple-page-master master-name="left-hand" page-width="148mm" page-height="210mm" margin-top="15mm" margin-bottom="10mm" margin-${rtl?then('left', 'right')}="18mm" margin-${rtl?then('right', 'left')}="14mm"<@pageAttributes/>>
      <fo:region-body margin-bottom="13mm"${writingMode?no_esc}/>
      <fo:region-after extent="8mm"/>
    </fo:simple-page-master>
    <fo:simple-page-master master-name="blank" page-width="148mm" page-height="210mm"<@pageAttributes/>>
      <fo:region-body/>
    </fo:simple-page-master>
    <fo:page-sequence-master master-name="pages">
      <fo:repeatable-page-master-alternatives>
        <fo:conditional-page-master-reference master-reference="right-hand" odd-or-even="odd"/>
        <fo:conditional-page-master-reference master-reference="left-hand" odd-or-even="even"/>
      </fo:repeatable-page-master-alternatives>
    </fo:page-sequence-master>
  </fo:layout-master-set>

  <#if !print>
  <fo:bookmark-tree>
    <fo:bookmark internal-destination="cover"><fo:bookmark-title>${title}</fo:bookmark-title></fo:bookmark>
    <#if toc?has_content><fo:bookmark internal-destination="contents"><fo:bookmark-title>${msg.get("pdf.contents")}</fo:bookmark-title></fo:bookmark></#if>
    <#list bookmarks as mark><@bookmark mark/></#list>
    <fo:bookmark internal-destination="imprint"><fo:bookmark-title>${msg.get("brochure.imprint")}</fo:bookmark-title></fo:bookmark>
  </fo:bookmark-tree>
  </#if>

  <#-- Front cover: the title on a band of the accent colour that runs into the bleed. -->
  <fo:page-sequence master-reference="cover" initial-page-number="1" force-page-count="no-force"${writingMode?no_esc}>
    <fo:flow flow-name="xsl-region-body">
      <fo:block-container absolute-position="fixed" top="-3mm" left="-3mm" width="154mm" height="121mm" background-color="${color.accent}" role="artifact"><fo:block/></fo:block-container>
      <fo:block-container height="86mm" display-align="after">
        <fo:block id="cover" role="H1" font-size="19pt" font-weight="bold" line-height="${headingLeading}" color="${color.onAccent}">${runs(title)}</fo:block>
      </fo:block-container>
      <fo:block space-before="26mm" font-size="1.05em" color="${color.text}">
        <#if cover.publisher?has_content><fo:block font-weight="bold">${isolate(cover.publisher)}</fo:block></#if>
        <#if cover.coPublisher??><fo:block>${isolate(cover.coPublisher)}</fo:block></#if>
        <#if cover.date??><fo:block space-before="2mm">${runs(cover.date)}</fo:block></#if>
      </fo:block>
    </fo:flow>
  </fo:page-sequence>

  <#if toc?has_content>
  <fo:page-sequence master-reference="pages" force-page-count="no-force"${writingMode?no_esc}>
    <@footer/>
    <fo:flow flow-name="xsl-region-body">
      <fo:block id="contents" role="H2" font-size="1.45em" font-weight="bold" color="${color.accent}" space-after="5mm">${runs(msg.get("pdf.contents"))}</fo:block>
      <#list toc as entry>
      <fo:block text-align-last="justify" start-indent="${(entry.level - 1) * 5}mm" space-before="<#if entry.level == 1>2.4mm<#else>0.8mm</#if>"<#if entry.level == 1> font-weight="bold"</#if>>
        <#if print>${runs(entry.title)}<#else><fo:basic-link internal-destination="${entry.id}" fox:alt-text="${entry.title}">${runs(entry.title)}</fo:basic-link></#if>
        <fo:leader leader-pattern="dots" leader-pattern-width="3pt"/><fo:page-number-citation ref-id="${entry.id}" font-family="${numberFont}"/>
      </fo:block>
      </#list>
    </fo:flow>
  </fo:page-sequence>
  </#if>

  <#list parts as part>
  <fo:page-sequence master-reference="pages" force-page-count="no-force"${writingMode?no_esc}>
    <@footer/>
    <fo:flow flow-name="xsl-region-body">
      <#if part.showTitle>
      <fo:block id="${part.id}" role="H2" font-size="1.55em" font-weight="bold" line-height="${headingLeading}" color="${color.accent}" space-after="5mm">${runs(part.title)}</fo:block>
      <#else>
      <fo:block id="${part.id}"/>
      </#if>
      <#recurse part.body using body>
    </fo:flow>
  </fo:page-sequence>
  </#list>

  <#-- Imprint: the brochure's imprint as its first part declares it, then where each part comes from. -->
  <fo:page-sequence master-reference="pages" force-page-count="no-force"${writingMode?no_esc}>
    <@footer/>
    <fo:flow flow-name="xsl-region-body">
      <fo:block id="imprint" role="H2" font-size="1.35em" font-weight="bold" color="${color.accent}" space-after="4mm">${runs(msg.get("brochure.imprint"))}</fo:block>
      <#if imprint?has_content>
      <fo:block space-after="4mm">
        <#if imprint.publisher??><fo:block font-weight="bold">${isolate(imprint.publisher)}</fo:block></#if>
        <#if imprint.department??><fo:block>${isolate(imprint.department)}</fo:block></#if>
        <#list imprint.address![] as line><fo:block>${isolate(line)}</fo:block></#list>
        <#if imprint.web??><fo:block>${isolate(imprint.web)}</fo:block></#if>
        <#if imprint.layout??><fo:block space-before="2mm">${runs(msg.format("brochure.layout", imprint.layout))}</fo:block></#if>
        <#if imprint.print??><fo:block>${runs(msg.format("brochure.print", imprint.print))}</fo:block></#if>
        <#if imprint.printRun??><fo:block>${runs(msg.format("brochure.printRun", imprint.printRun))}</fo:block></#if>
        <#if imprint.date??><fo:block>${runs(imprint.date)}</fo:block></#if>
      </fo:block>
      </#if>
      <#list sources as source>
      <fo:block space-before="3mm" keep-together.within-page="always">
        <fo:block font-weight="bold">${runs(source.title)}</fo:block>
        <#if source.publisher??><@fact msg.get("doc.publisher") source.publisher/></#if>
        <#if source.coPublisher??><@fact msg.get("doc.coPublisher") source.coPublisher/></#if>
        <#if source.originalTitle??><@fact msg.get("doc.originalTitle") source.originalTitle/></#if>
        <#if source.sourceDate??><@fact msg.get("doc.sourceDate") source.sourceDate/><#elseif source.sourceDateUnknown><@fact msg.get("doc.sourceDate") msg.get("doc.sourceDateUnknown")/></#if>
        <#if source.sourceNote??><@fact msg.get("doc.sourceNote") source.sourceNote/></#if>
      </fo:block>
      </#list>
    </fo:flow>
  </fo:page-sequence>

  <#if print>
  <#if blankPages gt 0>
  <#list 1..blankPages as blank>
  <fo:page-sequence master-reference="blank" force-page-count="no-force">
    <fo:flow flow-name="xsl-region-body"><fo:block/></fo:flow>
  </fo:page-sequence>
  </#list>
  </#if>
  <#-- Back cover: title, publisher and web address on the accent band. -->
  <fo:page-sequence master-reference="cover" force-page-count="no-force"${writingMode?no_esc}>
    <fo:flow flow-name="xsl-region-body">
      <fo:block-container absolute-position="fixed" top="150mm" left="-3mm" width="154mm" height="63mm" background-color="${color.accent}"><fo:block/></fo:block-container>
      <fo:block-container absolute-position="fixed" top="162mm" left="16mm" width="116mm" color="${color.onAccent}">
        <fo:block font-size="8pt" space-after="3mm">${runs(title)}</fo:block>
        <#if cover.publisher?has_content><fo:block font-weight="bold">${isolate(cover.publisher)}</fo:block></#if>
        <#if cover.coPublisher??><fo:block>${isolate(cover.coPublisher)}</fo:block></#if>
        <#if cover.web??><fo:block space-before="2mm">${isolate(cover.web)}</fo:block></#if>
      </fo:block-container>
    </fo:flow>
  </fo:page-sequence>
  </#if>
</fo:root>
