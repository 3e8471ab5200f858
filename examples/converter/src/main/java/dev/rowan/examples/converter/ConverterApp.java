package dev.rowan.examples.converter;

import dev.rowan.core.App;
import dev.rowan.core.Context;
import dev.rowan.core.Module;
import dev.rowan.core.Routes;
import dev.rowan.templates.TemplatesModule;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The temperature converter: an HTML form at {@code <prefix>/} and a JSON API at
 * {@code <prefix>/api/convert?value=98.6&from=F&to=C}. Bad input is a 400 with a message that says
 * what to type instead: inline on the form, {@code {"error": ...}} from the API.
 *
 * <pre>{@code
 * App.create()
 *    .install(ConverterApp.at("/converter"))
 *    .start();
 * }</pre>
 */
public final class ConverterApp implements Module {
    /** The template pages extend unless {@link #withLayout(String)} names another. */
    public static final String DEFAULT_LAYOUT = "converter/base.html";
    /** The JSON link of the empty form: an example worth clicking. */
    private static final String EXAMPLE_QUERY = "value=98.6&from=F&to=C";

    private final String prefix;
    private final String layout;

    private ConverterApp(String prefix, String layout) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** The converter mounted under {@code prefix} ("/" or "" for the site root). */
    public static ConverterApp at(String prefix) {
        return new ConverterApp(prefix, DEFAULT_LAYOUT);
    }

    /** A copy whose pages extend {@code template} (it must define the blocks {@code title} and {@code content}). */
    public ConverterApp withLayout(String template) {
        return new ConverterApp(prefix, template);
    }

    @Override
    public void install(App app) {
        app.install(TemplatesModule.create());   // installed once per app, however many modules ask
        app.group(prefix, "converter", this::routes);
    }

    private void routes(Routes r) {
        r.get("/", this::page, "index");
        r.get("/api/convert", ConverterApp::api, "api");
    }

    /** The form. It uses GET: converting changes nothing, and the result page can be bookmarked. */
    private void page(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("layout", layout);
        model.put("units", Unit.values());
        model.put("value", ctx.query("value").asString(""));
        model.put("from", ctx.query("from").asString("F"));
        model.put("to", ctx.query("to").asString("C"));
        model.put("api_query", EXAMPLE_QUERY);
        if (submitted(ctx)) {
            // The JSON link repeats what was asked, so it shows the API's answer to this very input.
            model.put("api_query", apiQuery(ctx));
            try {
                model.put("conversion", convert(ctx));
            } catch (InvalidTemperatureException e) {
                ctx.status(400);
                model.put("error", e.getMessage());
                model.put("error_field", e.field());
            }
        }
        ctx.render("converter/index.html", model);
    }

    private static void api(Context ctx) {
        try {
            ctx.json(convert(ctx).toJson());
        } catch (InvalidTemperatureException e) {
            ctx.status(400).json(Map.of("error", e.getMessage(), "field", e.field()));
        }
    }

    private static Conversion convert(Context ctx) {
        return Temperatures.convert(ctx.query("value").asString(""), ctx.query("from").asString(""), ctx.query("to").asString(""));
    }

    private static String apiQuery(Context ctx) {
        return "value=" + encode(ctx.query("value").asString("")) + "&from=" + encode(ctx.query("from").asString(""))
                + "&to=" + encode(ctx.query("to").asString(""));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static boolean submitted(Context ctx) {
        return ctx.query("value").isPresent() || ctx.query("from").isPresent() || ctx.query("to").isPresent();
    }

    /** Runs the converter alone: {@code java -cp ... dev.rowan.examples.converter.ConverterApp}. */
    public static void main(String[] args) {
        App.create().install(ConverterApp.at("/")).run(args);
    }

    @Override
    public String name() {
        return "converter";
    }
}
