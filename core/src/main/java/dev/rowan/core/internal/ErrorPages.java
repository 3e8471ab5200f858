package dev.rowan.core.internal;

import java.nio.charset.StandardCharsets;

/**
 * The built-in error bodies: JSON {@code {"error": "...", "status": N}} written by hand (the JSON
 * codec may be absent), a small HTML page, or plain text. Used when the app has no page of its own.
 */
final class ErrorPages {
    private ErrorPages() {
    }

    static byte[] json(int status, String message, String exception) {
        var sb = new StringBuilder(message.length() + 48).append("{\"error\":\"").append(jsonEscape(message))
                .append("\",\"status\":").append(status);
        if (exception != null) {
            sb.append(",\"exception\":\"").append(jsonEscape(exception)).append('"');
        }
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] html(int status, String message) {
        String reason = reason(status);
        return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + status + " " + reason
                + "</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}"
                + "h1{font-size:1.4rem}</style></head><body><h1>" + status + " " + reason + "</h1><p>" + Html.escape(message)
                + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] text(int status, String message) {
        return (status + " " + reason(status) + ": " + message + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Range Not Satisfiable";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }

    static String jsonEscape(String s) {
        var sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
