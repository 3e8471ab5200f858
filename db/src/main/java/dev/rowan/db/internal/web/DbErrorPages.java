package dev.rowan.db.internal.web;

import dev.rowan.core.Context;
import dev.rowan.db.ConnectionUnavailable;
import dev.rowan.db.NotFound;

/** The responses for data-layer errors: a small HTML page, JSON or plain text, as the client prefers. */
public final class DbErrorPages {
    private static final System.Logger LOG = System.getLogger("rowan.db");

    private DbErrorPages() {
    }

    /** 404 for a {@code get} that matched nothing; the model and lookup are shown in debug mode only. */
    public static void notFound(Context ctx, NotFound e, boolean debug) {
        write(ctx, 404, "Not Found", debug ? e.getMessage() : "The page you asked for does not exist.");
    }

    /** 503 with {@code Retry-After} when no database connection could be had. */
    public static void unavailable(Context ctx, ConnectionUnavailable e, boolean debug) {
        LOG.log(System.Logger.Level.ERROR, "Answering 503 on " + ctx.method() + " " + ctx.path() + ": " + e.getMessage(), e);
        ctx.header("Retry-After", "30");
        write(ctx, 503, "Service Unavailable", debug ? e.getMessage()
                : "The site cannot reach its database right now. Please try again in a moment.");
    }

    private static void write(Context ctx, int status, String reason, String message) {
        ctx.status(status);
        switch (ctx.accepts("text/html", "application/json", "text/plain").orElse("text/plain")) {
            case "application/json" -> ctx.contentType("application/json").bytes(("{\"status\":" + status + ",\"error\":\""
                    + json(reason) + "\",\"message\":\"" + json(message) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "text/html" -> ctx.html("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + status + " " + reason
                    + "</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}"
                    + "h1{font-size:1.4rem}</style></head><body><h1>" + status + " " + reason + "</h1><p>" + html(message)
                    + "</p></body></html>");
            default -> ctx.text(status + " " + reason + ": " + message + "\n");
        }
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
