package dev.rowan.bench.jdbc;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * templates/fortunes.html rendered with Pebble directly (autoescaping on), for the peers whose
 * rendering modules are not published for the measured versions. Rowan renders the same classpath
 * template through rowan-templates.
 */
public final class FortunesPage {
    private final PebbleTemplate template;

    public FortunesPage() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        template = new PebbleEngine.Builder().loader(loader).build().getTemplate("fortunes.html");
    }

    public String render(List<FortuneRow> fortunes) {
        StringWriter out = new StringWriter(2048);
        try {
            template.evaluate(out, Map.of("fortunes", fortunes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
