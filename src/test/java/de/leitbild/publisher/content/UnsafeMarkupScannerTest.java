package de.leitbild.publisher.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import de.leitbild.publisher.content.UnsafeMarkupScanner.Finding;
import de.leitbild.publisher.content.UnsafeMarkupScanner.Kind;

/** Raw HTML that could run script, and javascript: links, are refused at the exact line; harmless text is not. */
class UnsafeMarkupScannerTest {

    private static final Path FILE = Path.of("content/de/seite.adoc");
    private static final String HEADER = "= Seite\n:jbake-type: page\n:jbake-status: published\n\n";

    @Test
    void aScriptInAPassthroughBlockIsRefusedAtItsLine() {
        assertThat(scan(HEADER + "Vorher.\n\n++++\n<div>\n<script src=\"x.js\"></script>\n</div>\n++++\n"))
                .containsExactly("9: " + Kind.SCRIPT.message("<script"));
    }

    @Test
    void aScriptInAPassStyledParagraphOrOpenBlockIsRefused() {
        assertThat(scan(HEADER + "[pass]\n<SCRIPT>alert(1)</SCRIPT>\n")).singleElement().asString()
                .startsWith("6: raw HTML with a <script> element is not allowed");
        assertThat(scan(HEADER + "[pass]\n--\nText\n<script>x()</script>\n--\n")).singleElement().asString()
                .startsWith("8: raw HTML with a <script> element");
    }

    @Test
    void anEventHandlerInAnInlinePassMacroIsRefusedWithItsName() {
        assertThat(scan(HEADER + "Ein Bild: pass:[<img src=\"a.png\" onerror=\"alert(1)\">] im Satz.\n"))
                .containsExactly("5: " + Kind.EVENT_HANDLER.message("onerror"));
    }

    @Test
    void aTriplePlusPassthroughOverTwoLinesIsRefusedAtTheLineOfTheHandler() {
        assertThat(scan(HEADER + "Text +++<span\nonclick=\"x()\">hier</span>+++ weiter.\n"))
                .containsExactly("6: " + Kind.EVENT_HANDLER.message("onclick"));
    }

    @Test
    void aJavascriptAddressInRawHtmlIsRefused() {
        assertThat(scan(HEADER + "+++<a href=\"javascript:alert(1)\">Klick</a>+++\n"))
                .containsExactly("5: " + Kind.JAVASCRIPT_ADDRESS.message("javascript:"));
    }

    @Test
    void aJavascriptLinkTargetInOrdinaryAsciidocIsRefused() {
        assertThat(scan(HEADER + "Bitte link:javascript:alert(1)[hier klicken].\n"))
                .containsExactly("5: " + Kind.JAVASCRIPT_ADDRESS.message("javascript:"));
        assertThat(scan(HEADER + "image::logo.png[Logo,link=\"javascript:alert(1)\"]\n"))
                .containsExactly("5: " + Kind.JAVASCRIPT_ADDRESS.message("javascript:"));
        assertThat(scan("= Seite\n:jbake-type: page\n:ziel: javascript:alert(1)\n\nlink:{ziel}[x]\n"))
                .containsExactly("3: " + Kind.JAVASCRIPT_ADDRESS.message("javascript:"));
    }

    @Test
    void aJavascriptAddressInAnyMixOfCaseIsRefused() {
        assertThat(scan(HEADER + "Bitte link:JavaScript:alert(1)[hier] oder xref:JAVASCRIPT:x[dort].\n"))
                .containsExactly("5: " + Kind.JAVASCRIPT_ADDRESS.message("javascript:"));
    }

    @Test
    void theWordJavascriptInProseIsNoFindingButALinkTargetBelowItOrSplitBeforeTheColonIs() {
        assertThat(scan(HEADER + "Zum Lesen brauchen Sie kein JavaScript.\n")).isEmpty();
        assertThat(scan(HEADER + "Zum Lesen brauchen Sie kein JavaScript.\n\nAber link:javascript:x()[hier].\n"))
                .containsExactly("7: " + Kind.JAVASCRIPT_ADDRESS.message("javascript:"));
        assertThat(scan(HEADER + "Kein JavaScript. Bitte link:javascript\t\n:x()[hier].\n"))
                .containsExactly("6: " + Kind.JAVASCRIPT_ADDRESS.message("javascript:"));
    }

    @Test
    void aDocumentWithoutPassthroughsOrTheWordJavascriptHasNoFindings() {
        assertThat(scan(HEADER + "Ein Text mit <b>Spitzklammern</b>, onclick=\"x\" und Java-Script.\n")).isEmpty();
    }

    @Test
    void examplesInListingsCommentsAndPlainTextAreNotRefused() {
        String text = HEADER + """
                So sieht ein verbotener Block aus:

                ----
                ++++
                <script>alert(1)</script>
                ++++
                link:javascript:alert(1)[x]
                ----

                // pass:[<script>] in einem Kommentar
                ////
                +++<b onclick="x">+++
                ////

                [source,html]
                <a href="javascript:x">a</a>

                Im Text darf das Wort javascript: stehen, und ein Verein heißt "online = offline".
                Ein Link auf https://example.org/online=1[eine Seite] ist harmlos.
                """;
        assertThat(scan(text)).isEmpty();
    }

    @Test
    void theConvertedHtmlNetFindsScriptsHandlersAndJavascriptAddressesHoweverTheyAreWritten() {
        List<Finding> findings = UnsafeMarkupScanner.scan(Jsoup.parseBodyFragment(
                "<p>Text</p><script>x()</script><svg onload=\"x()\"></svg>"
                        + "<a href=\" jav&#x61;script:alert(1)\">a</a><a href=\"java\tscript:x\">b</a>").body());
        assertThat(findings).containsExactly(new Finding(Kind.SCRIPT, "<script"),
                new Finding(Kind.EVENT_HANDLER, "onload"), new Finding(Kind.JAVASCRIPT_ADDRESS, "javascript:"));
        assertThat(UnsafeMarkupScanner.scan(Jsoup.parseBodyFragment(
                "<p><a href=\"other.html#x\">ok</a> <img src=\"bild.png\" alt=\"\"></p>").body())).isEmpty();
    }

    private static List<String> scan(String text) {
        return UnsafeMarkupScanner.scan(FILE, text.lines().toList()).stream()
                .map(p -> p.line() + ": " + p.message()).toList();
    }
}
