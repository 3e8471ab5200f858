package dev.rowan.templates;

import dev.rowan.core.security.Scaling;
import dev.rowan.core.security.SuiteTally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Algorithmic abuse of template escaping and rendering: model values of 512 KB and 1 MB (a
 * comment, a name a client sent) full of characters that need escaping, and loops over lists of a
 * size the client chose. The engine takes strings, so its work is counted as the bytes it
 * allocates; it may at most about double when the input doubles (see {@link Scaling}).
 */
class TemplateScalingTest {
    private static final String HOSTILE = "<&\"'>";

    @TempDir
    Path dir;

    @Test
    void hostileValuesAndLongLoopsRenderLinearly() {
        var files = new TemplateFiles(dir)
                .write("value.html", "<p>{{ v }}</p>")
                .write("attribute.html", "<a title=\"{{ v }}\" href=\"/\">x</a>")
                .write("value.txt", "{{ v }}")
                .write("filters.html", "{{ v | upper }} {{ v | lower }} {{ v | title }} {{ v | trim }} {{ v | length }}")
                .write("replace.html", "{{ v | replace({'<': '[', '&': '+'}) }}")
                .write("js.html", "<script>var v = \"{{ v | escape('js') }}\";</script>")
                .write("urlencode.html", "<a href=\"/?q={{ v | urlencode }}\">x</a>")
                .write("abbreviate.html", "{{ v | abbreviate(40) }}")
                .write("safe.html", "{{ v | safe }}")
                .write("concat.html", "{{ v ~ v }}")
                .write("loop.html", "<ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul>")
                .write("loop-vars.html", "{% for item in items %}{{ loop.index }}/{{ loop.length }}{% if loop.last %}.{% endif %}{% endfor %}")
                .write("rows.html", "<table>{% for row in rows %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>{% endfor %}</table>")
                .write("map.html", "{% for key in map %}{{ key }}={{ map[key] }};{% endfor %}")
                .write("join.html", "{{ items | join(', ') }}")
                .write("sort.html", "{% for item in items | sort %}{{ item }}{% endfor %}")
                .write("macro.html", "{% macro li(x) %}<li>{{ x }}</li>{% endmacro %}{% for item in items %}{{ li(item) }}{% endfor %}")
                .write("item.html", "<li>{{ item }}</li>")
                .write("include.html", "{% for item in items %}{% include 'item.html' %}{% endfor %}");
        Templates templates = files.builder().build();
        var tally = SuiteTally.of("algorithmic abuse, template escaping and rendering");
        value(tally, templates, "a value full of <&\"'>", "value.html", n -> HOSTILE.repeat(n / HOSTILE.length()));
        value(tally, templates, "a value of '>' only", "value.html", n -> ">".repeat(n));
        value(tally, templates, "a plain value", "value.html", n -> "a".repeat(n));
        value(tally, templates, "a value of non-ASCII text", "value.html", n -> "é€😀".repeat(n / 4));
        value(tally, templates, "a value full of <&\"'> in an attribute", "attribute.html", n -> HOSTILE.repeat(n / HOSTILE.length()));
        value(tally, templates, "a value full of <&\"'> in a .txt template (not escaped)", "value.txt", n -> HOSTILE.repeat(n / HOSTILE.length()));
        value(tally, templates, "upper, lower, title, trim, length of a hostile value", "filters.html", n -> "a <b>&c ".repeat(n / 9));
        value(tally, templates, "replace of a hostile value", "replace.html", n -> HOSTILE.repeat(n / HOSTILE.length()));
        value(tally, templates, "escape('js') of quotes and backslashes", "js.html", n -> "\"\\'</".repeat(n / 5));
        value(tally, templates, "urlencode of a hostile value", "urlencode.html", n -> "&= /?é".repeat(n / 6));
        value(tally, templates, "abbreviate of a long value", "abbreviate.html", n -> "word ".repeat(n / 5));
        value(tally, templates, "safe of long markup", "safe.html", n -> "<b>x</b>".repeat(n / 8));
        value(tally, templates, "concatenation of a hostile value", "concat.html", n -> HOSTILE.repeat(n / HOSTILE.length() / 2));
        model(tally, templates, "a loop over many items needing escapes", "loop.html", n -> Map.of("items", items(n / 8)));
        model(tally, templates, "loop.index, loop.length, loop.last over many items", "loop-vars.html", n -> Map.of("items", items(n / 8)));
        model(tally, templates, "a table of many rows", "rows.html", n -> Map.of("rows", rows(n / 16)));
        model(tally, templates, "a loop over a map of many keys", "map.html", n -> Map.of("map", map(n / 16)));
        model(tally, templates, "join of many items", "join.html", n -> Map.of("items", items(n / 8)));
        model(tally, templates, "sort of many items", "sort.html", n -> Map.of("items", items(n / 8)));
        model(tally, templates, "a macro called per item", "macro.html", n -> Map.of("items", items(n / 32)));
        model(tally, templates, "an include per item", "include.html", n -> Map.of("items", items(n / 32)));
        tally.assertAllPassed();
    }

    private static void value(SuiteTally tally, Templates templates, String name, String template, IntFunction<String> value) {
        model(tally, templates, name, template, n -> Map.of("v", value.apply(n)));
    }

    private static void model(SuiteTally tally, Templates templates, String name, String template, IntFunction<Map<String, ?>> model) {
        tally.check(name, () -> Scaling.assertLinear(name, model, m -> {
            templates.render(template, m, Writer.nullWriter());
            return -1;
        }));
    }

    /** {@code count} short items, each needing escapes and each different. */
    private static List<String> items(int count) {
        var list = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            list.add("<" + i + "&>");
        }
        return list;
    }

    private static List<List<String>> rows(int count) {
        var list = new ArrayList<List<String>>(count);
        for (int i = 0; i < count; i++) {
            list.add(List.of("<a>", "&", "\"" + i));
        }
        return list;
    }

    private static Map<String, String> map(int count) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < count; i++) {
            map.put("k" + i, "<" + i + ">");
        }
        return map;
    }
}
