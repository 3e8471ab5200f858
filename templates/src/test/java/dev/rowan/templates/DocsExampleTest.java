package dev.rowan.templates;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the standalone example of docs/topics/templates.md, and checks the page shows exactly this code,
 * so the two cannot drift apart.
 */
class DocsExampleTest {
    private static final Path DOC = Path.of("../docs/topics/templates.md");
    private static final Path SELF = Path.of("src/test/java/dev/rowan/templates/DocsExampleTest.java");

    @Test
    void standaloneExampleRuns() {
        // doc:standalone:start
        Templates templates = Templates.builder().build();   // finds templates/ on the classpath

        Map<String, Object> model = Map.of("name", "Ada <3", "plan", "pro");
        String html = templates.render("emails/welcome.html", model);
        String text = templates.render("emails/welcome.txt", model);

        StringWriter out = new StringWriter();                // or a file, a socket, a mail body
        templates.render("emails/welcome.html", model, out);
        // doc:standalone:end

        assertThat(html).isEqualTo("<p>Welcome, Ada &lt;3!</p>\n<p>Your plan: PRO</p>\n");
        assertThat(text).isEqualTo("Welcome, Ada <3!\nYour plan: PRO\n");
        assertThat(out).hasToString(html);
    }

    @Test
    void docShowsTheExampleVerbatim() throws IOException {
        assertThat(Files.readString(DOC)).contains(example());
    }

    private static String example() throws IOException {
        String source = Files.readString(SELF);
        String body = source.substring(source.indexOf("// doc:standalone:start\n") + 24,
                source.indexOf("        // doc:standalone:end"));
        return Arrays.stream(body.split("\n"))
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
    }
}
