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
                        + ".hint{color:#666}</style></head><body><header><h1>")
                .append(Html.escape(error.getClass().getName())).append("</h1><div>")
                .append(Html.escape(String.valueOf(error.getMessage()))).append("</div><div class=\"hint\">")
                .append(Html.escape(ctx.method() + " " + ctx.path())).append(" — shown because debug is on; production shows a plain page.</div></header>");
        appendLocation(sb, error);
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
                sb.append("<tr").append(isApplicationFrame(frames[i]) ? " class=\"app\"" : "").append("><td>")
                        .append(Html.escape(frames[i].toString())).append("</td></tr>");
            }
            sb.append("</table></section>");
        }
        sb.append("<section><h2>Request</h2><table>");
        row(sb, "Method", ctx.method().name());
        row(sb, "Path", ctx.path());
        row(sb, "Query", ctx.queryString());
        for (String name : ctx.headers().names()) {
            row(sb, name, isSecret(name) ? "********" : String.join(", ", ctx.headers().all(name)));
        }
        sb.append("</table><h2>Query parameters</h2><table>");
        safeParams(sb, () -> ctx.queryParams());
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

    private static boolean isSecret(String header) {
        String h = header.toLowerCase(java.util.Locale.ROOT);
        return h.equals("cookie") || h.equals("authorization") || h.equals("proxy-authorization");
    }

    private static void safeParams(StringBuilder sb, java.util.function.Supplier<Map<String, List<String>>> params) {
        try {
            params.get().forEach((k, v) -> row(sb, k, String.join(", ", v)));
        } catch (RuntimeException e) {
            row(sb, "(unreadable)", e.getMessage());
        }
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(v)).append("</td></tr>");
    }
}
