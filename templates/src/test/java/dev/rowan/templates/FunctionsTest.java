package dev.rowan.templates;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hooks the web layer uses: globals, functions such as url() and csrf_input(), context processors. */
class FunctionsTest {
    /** Stands in for the web request context the core will pass. */
    record FakeRequest(String path, String csrfToken) {
    }

    @TempDir
    Path dir;
    TemplateFiles files;

    @BeforeEach
    void setUp() {
        files = new TemplateFiles(dir);
    }

    private Templates webLike() {
        return files.builder()
                .global("site_name", "Polls & Co")
                .function("url", call -> "/" + call.string(0).replace(':', '/') + "/"
                        + String.join("/", call.args().subList(1, call.size()).stream().map(String::valueOf).toList()))
                .function("static", call -> "/static/" + call.string(0))
                .function("csrf_token", call -> call.context(FakeRequest.class).orElseThrow().csrfToken())
                .function("csrf_input", call -> SafeHtml.trusted("<input type=\"hidden\" name=\"csrf\" value=\""
                        + call.context(FakeRequest.class).orElseThrow().csrfToken() + "\">"))
                .contextProcessor(scope -> scope.context(FakeRequest.class)
                        .<Map<String, ?>>map(r -> Map.of("request", r, "messages", List.of("Saved <ok>")))
                        .orElse(Map.of()))
                .build();
    }

    @Test
    void globalsAreEscapedLikeAnyValue() {
        files.write("a.html", "{{ site_name }}");
        assertThat(webLike().render("a.html", Map.of())).isEqualTo("Polls &amp; Co");
    }

    @Test
    void modelWinsOverGlobalsAndProcessors() {
        files.write("a.html", "{{ site_name }} {{ request }}");
        String out = webLike().forContext(new FakeRequest("/", "t"))
                .render("a.html", Map.of("site_name", "Mine", "request", "explicit"));
        assertThat(out).isEqualTo("Mine explicit");
    }

    @Test
    void functionsTakePositionalArguments() {
        files.write("a.html", "<a href=\"{{ url('polls:detail', 5) }}\"><link href=\"{{ static('css/site.css') }}\">");
        assertThat(webLike().render("a.html", Map.of()))
                .isEqualTo("<a href=\"/polls/detail/5\"><link href=\"/static/css/site.css\">");
    }

    @Test
    void csrfInputIsMarkupAndTokenIsText() {
        files.write("form.html", "<form>{{ csrf_input() }}<i>{{ csrf_token() }}</i></form>");
        String out = webLike().forContext(new FakeRequest("/", "a\"b")).render("form.html", Map.of());
        assertThat(out).isEqualTo("<form><input type=\"hidden\" name=\"csrf\" value=\"a\"b\"><i>a&quot;b</i></form>");
    }

    @Test
    void functionsInsideMacrosSeeTheRenderContext() {
        files.write("macros.html", "{% macro form() %}<form>{{ csrf_input() }}</form>{% endmacro %}")
                .write("page.html", "{% import \"macros.html\" %}{{ form() }}");
        String out = webLike().forContext(new FakeRequest("/", "tok")).render("page.html", Map.of());
        assertThat(out).isEqualTo("<form><input type=\"hidden\" name=\"csrf\" value=\"tok\"></form>");
    }

    @Test
    void contextProcessorValuesAreMergedPerRender() {
        files.write("a.html", "{{ request.path }}|{% for m in messages %}{{ m }}{% endfor %}");
        Templates templates = webLike();
        assertThat(templates.forContext(new FakeRequest("/polls/", "t")).render("a.html", Map.of()))
                .isEqualTo("/polls/|Saved &lt;ok&gt;");
        assertThat(templates.forContext(new FakeRequest("/other/", "t")).render("a.html", Map.of()))
                .startsWith("/other/|");
        assertThat(templates.render("a.html", Map.of())).isEqualTo("|");
    }

    @Test
    void processorSeesTheTemplateNameAndFunctionsSeeVariables() {
        files.write("polls/a.html", "{{ who() }}");
        Templates templates = files.builder()
                .contextProcessor(scope -> Map.of("asked", scope.templateName()))
                .function("who", call -> call.templateName() + ":" + call.line() + ":"
                        + call.variable("asked").orElse("?") + ":" + call.variable("nope").isPresent())
                .build();
        assertThat(templates.render("polls/a.html", Map.of())).isEqualTo("polls/a.html:1:polls/a.html:false");
    }

    @Test
    void nestedRendersKeepTheirOwnContext() {
        files.write("outer.html", "{{ csrf_token() }}-{{ inner() }}-{{ csrf_token() }}")
                .write("inner.html", "{{ csrf_token() }}");
        Templates[] holder = new Templates[1];
        holder[0] = files.builder()
                .function("csrf_token", call -> call.context(FakeRequest.class).map(FakeRequest::csrfToken).orElse("none"))
                .function("inner", call -> holder[0].forContext(new FakeRequest("/", "in")).render("inner.html", Map.of()))
                .build();
        assertThat(holder[0].forContext(new FakeRequest("/", "out")).render("outer.html", Map.of()))
                .isEqualTo("out-in-out");
    }
}
