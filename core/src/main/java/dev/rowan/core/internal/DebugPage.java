package dev.rowan.core.internal;

import dev.rowan.core.spi.SourceSnippet;

import java.util.List;
import java.util.Map;

/**
 * The developer error page shown in debug mode only: the exception chain with the first frame of
 * application code highlighted, any template/source snippet, and the request's data. Everything
 * is escaped, since request data is attacker-controlled.
 */
final class DebugPage {
    private static final int MAX_FRAMES = 40;
    /** Source excerpts are shown for this many application frames; the rest are listed by name only. */
    private static final int MAX_EXCERPTS = 10;
    /** Django's rule: a header or parameter whose name contains one of these holds a secret. */
    private static final List<String> SECRET_WORDS = List.of("api", "token", "key", "secret", "pass", "signature", "auth", "cookie", "session", "csrf");

    private DebugPage() {
    }

    static String render(RequestContext ctx, Throwable error) {
        var sb = new StringBuilder(16_384);
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(error.getClass().getSimpleName())).append(" at ").append(Html.escape(ctx.path()))
                .append("</title><style>body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222}header{background:#fde8e8;padding:1rem 2rem;"
                        + "border-bottom:1px solid #e5b5b5}h1{font-size:1.3rem;margin:0 0 .3rem}section{padding:.5rem 2rem}"
                        + "pre{background:#f6f6f6;padding:.6rem;overflow:auto}table{border-collapse:collapse}td,th{text-align:left;"
                        + "padding:.15rem .8rem .15rem 0;vertical-align:top;font-family:monospace}.app{font-weight:bold;background:#fff3bf}"
                        + ".hint{color:#666}.src{margin:.2rem 0 .6rem;padding:.4rem .6rem;font-size:13px}.src b{background:#ffe08a;display:inline-block;width:100%}"
                        + "</style></head><body><header><h1>")
                .append(Html.escape(error.getClass().getName())).append("</h1><div>")
                .append(Html.escape(String.valueOf(error.getMessage()))).append("</div><div class=\"hint\">")
                .append(Html.escape(ctx.method() + " " + ctx.path())).append(" — shown because debug is on; production shows a plain page.</div></header>");
        appendLocation(sb, error);
        var sources = new SourceLines();
        int[] excerpts = {0};
        int depth = 0;
        for (Throwable t = error; t != null && depth < 8; t = t.getCause(), depth++) {
            sb.append("<section><h2>").append(depth == 0 ? "Exception" : "Caused by").append(": ")
                    .append(Html.escape(t.getClass().getName())).append("</h2><p>").append(Html.escape(String.valueOf(t.getMessage()))).append("</p>");
            if (t instanceof SourceSnippet s) {
                sb.append("<p><b>").append(Html.escape(s.sourceName())).append("</b>, line ").append(s.line()).append("</p><pre>")
                        .append(Html.escape(s.snippet())).append("</pre>");
            }
            sb.append("<table>");
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                boolean app = isApplicationFrame(frames[i]);
                sb.append("<tr").append(app ? " class=\"app\"" : "").append("><td>")
                        .append(Html.escape(frames[i].toString())).append("</td></tr>");
                if (app && excerpts[0] < MAX_EXCERPTS) {
                    sources.around(frames[i]).ifPresent(x -> {
                        excerpts[0]++;
                        sb.append("<tr><td>").append(excerpt(x)).append("</td></tr>");
                    });
                }
            }
            sb.append("</table></section>");
        }
        sb.append("<section><h2>Request</h2><table>");
        row(sb, "Method", ctx.method().name());
        row(sb, "Path", ctx.path());
        row(sb, "Query", maskedQuery(ctx.queryString()));
        for (String name : ctx.headers().names()) {
            row(sb, name, isSecret(name) ? "********" : String.join(", ", ctx.headers().all(name)));
        }
        sb.append("</table><h2>Query parameters</h2><table>");
        safeParams(sb, ctx::queryParams);
        sb.append("</table></section></body></html>");
        return sb.toString();
    }

    private static void appendLocation(StringBuilder sb, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (StackTraceElement f : t.getStackTrace()) {
                if (isApplicationFrame(f)) {
                    sb.append("<section><h2>Where</h2><p><b>").append(Html.escape(f.getClassName() + "." + f.getMethodName()))
                            .append("</b> in ").append(Html.escape(String.valueOf(f.getFileName()))).append(", line ")
                            .append(f.getLineNumber()).append("</p></section>");
                    return;
                }
            }
        }
    }

    static boolean isApplicationFrame(StackTraceElement f) {
        String c = f.getClassName();
        return !(c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("io.netty.")
                || c.startsWith("dev.rowan.core.internal.") || c.startsWith("org.junit."));
    }

    /** The lines around an application frame, its own line marked; escaped like everything else. */
    private static String excerpt(SourceLines.Excerpt x) {
        var sb = new StringBuilder("<pre class=\"src\">");
        for (int i = 0; i < x.lines().size(); i++) {
            int n = x.first() + i;
            String line = String.format("%5d  %s", n, x.lines().get(i));
            sb.append(n == x.line() ? "<b>" + Html.escape(line) + "</b>" : Html.escape(line)).append('\n');
        }
        return sb.append("</pre>").toString();
    }

    private static String maskedQuery(String query) {
        if (query.isEmpty()) {
            return query;
        }
        var parts = new java.util.ArrayList<String>();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            parts.add(eq > 0 && isSecret(pair.substring(0, eq)) ? pair.substring(0, eq) + "=********" : pair);
        }
        return String.join("&", parts);
    }

    static boolean isSecret(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (n.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static void safeParams(StringBuilder sb, java.util.function.Supplier<Map<String, List<String>>> params) {
        try {
            params.get().forEach((k, v) -> row(sb, k, isSecret(k) ? "********" : String.join(", ", v)));
        } catch (RuntimeException e) {
            row(sb, "(unreadable)", e.getMessage());
        }
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(v)).append("</td></tr>");
    }
}
