package dev.rowan.core;

import java.util.Map;

/**
 * Ends a request with an HTTP error status and a message a person can understand. Thrown from a
 * handler it becomes an HTML, JSON or plain response, chosen by the client's {@code Accept} header.
 *
 * <pre>{@code
 * throw HttpException.badRequest("'value' must be a number, got 'abc'");
 * }</pre>
 */
public class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final Map<String, String> headers;

    protected HttpException(int status, String message, Map<String, String> headers, Throwable cause) {
        super(message, cause, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("HttpException needs a 4xx or 5xx status, got " + status);
        }
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public static HttpException of(int status, String message) {
        return new HttpException(status, message, Map.of(), null);
    }

    public static HttpException badRequest(String message) {
        return of(400, message);
    }

    public static HttpException forbidden(String message) {
        return of(403, message);
    }

    public static HttpException notFound(String message) {
        return of(404, message);
    }

    public static HttpException methodNotAllowed(String allow) {
        return new HttpException(405, "Method not allowed; this URL accepts " + allow + ".", Map.of("Allow", allow), null);
    }

    public static HttpException payloadTooLarge(String message) {
        return of(413, message);
    }

    public static HttpException unsupportedMediaType(String message) {
        return of(415, message);
    }

    /** A copy of this exception that also sets a response header (e.g. {@code Allow}). */
    public HttpException withHeader(String name, String value) {
        var merged = new java.util.LinkedHashMap<>(headers);
        merged.put(name, value);
        return new HttpException(status, getMessage(), merged, getCause());
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
