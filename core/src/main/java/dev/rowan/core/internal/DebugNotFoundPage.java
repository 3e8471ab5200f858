package dev.rowan.core.internal;

import dev.rowan.core.internal.routing.Route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The developer 404 page shown in debug mode only, like Django's: what was asked for, why nothing
 * answered, and every route the app has (pattern, methods, name) in registration order, so a typo
 * in a URL or a missing route is visible at once.
 */
final class DebugNotFoundPage {
    private DebugNotFoundPage() {
    }

    /** One pattern and everything registered on it. */
    private record Row(String pattern, TreeSet<String> methods, TreeSet<String> names) {
    }

    static String render(RequestContext ctx, String message, List<Route> routes) {
        var sb = new StringBuilder(4096);
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Page not found at ")
                .append(Html.escape(ctx.path()))
                .append("</title><style>body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222}header{background:#ffefc6;"
                        + "padding:1rem 2rem;border-bottom:1px solid #e0c98a}h1{font-size:1.3rem;margin:0 0 .3rem}section{padding:.5rem 2rem}"
                        + "table{border-collapse:collapse}td,th{text-align:left;padding:.15rem 1rem .15rem 0;font-family:monospace}"
                        + ".hint{color:#666}</style></head><body><header><h1>Page not found (404)</h1><div>")
                .append(Html.escape(message)).append("</div><div class=\"hint\">")
                .append(Html.escape(ctx.method() + " " + ctx.path() + (ctx.queryString().isEmpty() ? "" : "?" + ctx.queryString())))
                .append(" — shown because debug is on; production shows the app's 404 page.</div></header><section>");
        List<Row> rows = rows(routes);
        if (rows.isEmpty()) {
            sb.append("<p>This app has no routes yet. Add one with <code>app.get(\"/\", ctx -&gt; ctx.text(\"Hello\"))</code>.</p>");
        } else {
            sb.append("<p>The app has these routes, in the order they were registered:</p><table><tr><th>pattern</th><th>methods</th><th>name</th></tr>");
            for (Row r : rows) {
                sb.append("<tr><td>").append(Html.escape(r.pattern())).append("</td><td>").append(Html.escape(String.join(", ", r.methods())))
                        .append("</td><td>").append(Html.escape(String.join(", ", r.names()))).append("</td></tr>");
            }
            sb.append("</table>");
        }
        return sb.append("</section></body></html>").toString();
    }

    private static List<Row> rows(List<Route> routes) {
        Map<String, Row> byPattern = new LinkedHashMap<>();
        for (Route r : routes) {
            Row row = byPattern.computeIfAbsent(r.pattern().text(), p -> new Row(p, new TreeSet<>(), new TreeSet<>()));
            row.methods().add(r.method().name());
            if (!r.name().isEmpty()) {
                row.names().add(r.name());
            }
        }
        return new ArrayList<>(byPattern.values());
    }
}
