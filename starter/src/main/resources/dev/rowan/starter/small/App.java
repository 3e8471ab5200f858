package @@package@@;

import dev.rowan.core.App;
import dev.rowan.core.Context;
import dev.rowan.templates.TemplatesModule;

import java.util.Map;

/**
 * @@title@@: the whole app in one file. Add routes in {@link #app()}; templates live in
 * src/main/resources/templates. Run it with ./manage run, test it with ./mvnw test.
 */
public final class @@class@@ {
    private @@class@@() {
    }

    /** The app, set up: what main serves and what the tests call. */
    public static App app() {
        App app = App.create();
        app.install(TemplatesModule.create());   // templates from src/main/resources/templates
        app.get("/", @@class@@::home, "home");
        return app;
    }

    /** The home page: a greeting for the name in ?name=, escaped by the template. */
    private static void home(Context ctx) {
        String name = ctx.query("name").asString("").strip();
        ctx.render("index.html", Map.of("title", "@@title@@", "name", name));
    }

    public static void main(String[] args) {
        app().run(args);   // serves on server.port (8000, or PORT); with a command (./manage routes), runs it
    }
}
