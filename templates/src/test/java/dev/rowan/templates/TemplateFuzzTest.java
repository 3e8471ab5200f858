package dev.rowan.templates;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rowan.core.security.FuzzInput;
import dev.rowan.core.security.FuzzSummary;
import dev.rowan.templates.spi.TemplateRoot;
import dev.rowan.templates.spi.TemplateSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Template rendering. Lines of an input: two values, then a template's source. The values go
 * through a fixed page (text, attributes in both quote styles, filters): autoescaping must keep
 * every markup character of theirs out of the output, whatever they hold. The source is compiled
 * and rendered with those values: the only error is {@link TemplateException} (with a line and a
 * message). A template's loops are its author's to size, so the fuzzer's source may not call
 * {@code range} (a loop of a billion rounds is a slow template, not a bug). Seeds:
 * {@code TemplateFuzzTestInputs/render/}.
 */
class TemplateFuzzTest {
    @RegisterExtension
    static final FuzzSummary SUMMARY = FuzzSummary.of("template rendering");
    private static final String PAGE = "<a title=\"{{ v }}\" data-w='{{ w }}'>{{ v }}{{ w|upper }}{{ items|join(\", \") }}"
            + "{{ v|default(\"none\") }}{% if v|length > 3 %}{{ v|lower }}{% endif %}</a>";
    private static final Source SOURCE = new Source();
    private static final Templates TEMPLATES = Templates.builder().classpath(false).root(SOURCE).reload(true).build();

    @FuzzTest(maxDuration = "2s")
    @Timeout(10)
    void render(byte[] input) {
        SUMMARY.input();
        String[] f = FuzzInput.fields(input, 3);
        String v = FuzzInput.utf8(f[0]);
        String w = FuzzInput.utf8(f[1]);
        Map<String, Object> model = Map.of("v", v, "w", w, "items", List.of(v, w));
        String page = TEMPLATES.render("page.html", model);
        for (char c : new char[] {'<', '>', '"', '\''}) {
            if (count(page, c) != 2) {
                throw new AssertionError("The value's " + c + " reached the output unescaped: " + page);
            }
        }
        SOURCE.fuzzed = FuzzInput.utf8(f[2]).replace("range", "");
        SOURCE.version++;
        try {
            TEMPLATES.render("fuzz.html", model);
        } catch (TemplateException e) {
            if (e.problem() == null || e.problem().isBlank()) {
                throw new AssertionError("A template error without a message", e);
            }
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    /** page.html, and fuzz.html holding the current input's source. */
    private static final class Source implements TemplateRoot {
        String fuzzed = "";
        long version;

        @Override
        public Optional<TemplateSource> find(String name) {
            return switch (name) {
                case "page.html" -> Optional.of(TemplateSource.of("fuzz:page.html", 0, () -> new StringReader(PAGE)));
                case "fuzz.html" -> {
                    String text = fuzzed;
                    yield Optional.of(TemplateSource.of("fuzz:fuzz.html", version, () -> new StringReader(text)));
                }
                default -> Optional.empty();
            };
        }

        @Override
        public String description() {
            return "the fuzzer's input";
        }
    }
}
