package de.leitbild.publisher.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.SiteFixture;
import de.leitbild.publisher.problem.BuildFailure;

/** The build refuses documents that would carry script into the site, names the line and publishes nothing. */
class UnsafeContentTest {

    @TempDir
    Path folder;

    private SiteFixture site;

    @BeforeEach
    void createSite() {
        site = SiteFixture.create(folder);
    }

    @Test
    void aScriptPassthroughStopsTheBuildAtItsLine() {
        site.write("content/de/kaputt.adoc", """
                = Kaputt
                :jbake-type: page
                :jbake-status: published

                Vorher.

                ++++
                <script>alert(1)</script>
                ++++
                """);
        assertThat(problems()).containsExactly("content/de/kaputt.adoc:8: raw HTML with a <script> element is not "
                + "allowed: documents cannot run scripts (the pages' Content-Security-Policy blocks them too); remove "
                + "the passthrough (++++ block, pass:[…] or +++…+++) and write the content in AsciiDoc");
    }

    @Test
    void anEventHandlerAndAJavascriptLinkAreEachRefusedAtTheirLine() {
        site.write("content/de/kaputt.adoc", """
                = Kaputt
                :jbake-type: page
                :jbake-status: published

                Ein pass:[<b onmouseover="alert(1)">fetter</b>] Text.

                Und link:javascript:alert(1)[ein Link].
                """);
        assertThat(problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("content/de/kaputt.adoc:5: raw HTML with the event "
                        + "handler attribute onmouseover=… is not allowed"))
                .anySatisfy(p -> assertThat(p).startsWith("content/de/kaputt.adoc:7: a javascript: address is "
                        + "not allowed"));
    }

    @Test
    void scriptFromAnIncludedFileIsCaughtInTheConvertedPage() {
        site.write("content/de/teil.txt", "++++\n<script>alert(1)</script>\n++++\n");
        site.write("content/de/kaputt.adoc", """
                = Kaputt
                :jbake-type: page
                :jbake-status: published

                include::teil.txt[]
                """);
        assertThat(problems()).containsExactly("content/de/kaputt.adoc:1: raw HTML with a <script> element is not "
                + "allowed: documents cannot run scripts (the pages' Content-Security-Policy blocks them too); remove "
                + "the passthrough (++++ block, pass:[…] or +++…+++) and write the content in AsciiDoc");
    }

    private List<String> problems() {
        BuildFailure failure = catchThrowableOfType(BuildFailure.class,
                () -> BuiltSites.build(site.root(), site.output()));
        assertThat(failure).as("the build must fail").isNotNull();
        assertThat(site.output()).as("nothing is published").doesNotExist();
        return failure.problems().stream().map(p -> p.format(site.root())).toList();
    }
}
