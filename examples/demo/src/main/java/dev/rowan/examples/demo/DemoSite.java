package dev.rowan.examples.demo;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.StaticFiles;
import dev.rowan.examples.converter.ConverterApp;
import dev.rowan.examples.csv2xlsx.Csv2XlsxApp;
import dev.rowan.examples.infoboard.InfoboardApp;
import dev.rowan.examples.notes.NotesApp;
import dev.rowan.forms.CsrfProtection;
import dev.rowan.templates.TemplatesModule;

import java.util.List;
import java.util.Map;

/**
 * The demo site: every reference app on one server (port 8000 unless {@code server.port} says
 * otherwise), a home page linking them and one small stylesheet. No JavaScript anywhere.
 *
 * <pre>{@code
 * ./mvnw -q -pl examples/demo -am package -DskipTests && java -jar examples/demo/target/rowan-demo.jar
 * }</pre>
 */
public final class DemoSite {
    /** The layout every app's pages extend when mounted here. */
    static final String LAYOUT = "demo/base.html";

    /** One app on the home page; {@code path} empty means "coming later". */
    public record Entry(String title, String path, String summary) {
    }

    private DemoSite() {
    }

    /**
     * The site's app, not yet started. Uploads are limited to 200MB unless {@code server.max-body-size} is set.
     * Without {@code MONGODB_URI}, notes live in the embedded document store in every profile, production
     * included ({@code mongodb.embedded=true} unless set): the demo promises to run with nothing else installed.
     * Error pages (404, 403, 500, ...) are framed by the site's layout.
     */
    public static App create(Config config) {
        Config c = config.withDefault("server.max-body-size", Csv2XlsxApp.SUGGESTED_MAX_BODY_SIZE)
                .withDefault("mongodb.embedded", "true")
                .withDefault("mongodb.embedded-file", NotesApp.DEFAULT_DATA_FILE);
        App app = App.create(c);
        app.install(TemplatesModule.create().errorLayout(LAYOUT));
        app.install(CsrfProtection.create());
        app.install(StaticFiles.classpath("static").at("/static"));
        app.install(ConverterApp.at("/converter").withLayout(LAYOUT));
        app.install(Csv2XlsxApp.at("/csv2xlsx").withLayout(LAYOUT));
        app.install(InfoboardApp.at("/infoboard").withLayout(LAYOUT));
        app.install(NotesApp.at("/notes").withLayout(LAYOUT));
        // Polls mounts here the same way once it exists.
        app.get("/", ctx -> ctx.render("demo/home.html", Map.of("layout", LAYOUT, "apps", entries())), "home");
        return app;
    }

    static List<Entry> entries() {
        return List.of(
                new Entry("Temperature converter", "/converter/", "Fahrenheit, Celsius and Kelvin: an HTML form and a JSON API."),
                new Entry("CSV to Excel", "/csv2xlsx/", "Upload a CSV file, download an .xlsx workbook with typed cells."),
                new Entry("Infoboard", "/infoboard/", "Exchange rates from a web service, cached, and calm when the service is down."),
                new Entry("Polls", "", "Django's polls tutorial, ported. Coming later."),
                new Entry("Notes", "/notes/", "Notes with tags and search, kept in a document store (MongoDB)."));
    }

    public static void main(String[] args) {
        create(Config.load()).run(args);
    }
}
