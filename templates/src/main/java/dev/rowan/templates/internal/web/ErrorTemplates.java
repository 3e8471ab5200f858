package dev.rowan.templates.internal.web;

import dev.rowan.core.Context;
import dev.rowan.core.spi.ErrorPageRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's error pages from its templates, first found: {@code errors/<status>.html} (as Django's
 * {@code 404.html}), {@code errors/error.html} for every status, then, when a layout is configured,
 * the built-in {@code rowan/errors/default.html}, which extends it. The model is {@code status},
 * {@code title}, {@code message} and {@code layout}.
 */
public final class ErrorTemplates implements ErrorPageRenderer {
    static final String DEFAULT_TEMPLATE = "rowan/errors/default.html";

    private final WebRenderer renderer;
    private final Optional<String> layout;

    public ErrorTemplates(WebRenderer renderer, Optional<String> layout) {
        this.renderer = renderer;
        this.layout = layout;
    }

    @Override
    public Optional<String> render(ErrorPage error, Context ctx) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("status", error.status());
        model.put("title", error.title());
        model.put("message", error.message());
        layout.ifPresent(l -> model.put("layout", l));
        return renderer.renderFirst(candidates(error.status()), model, ctx);
    }

    private List<String> candidates(int status) {
        List<String> names = new ArrayList<>(List.of("errors/" + status + ".html", "errors/error.html"));
        layout.ifPresent(l -> names.add(DEFAULT_TEMPLATE));
        return names;
    }
}
