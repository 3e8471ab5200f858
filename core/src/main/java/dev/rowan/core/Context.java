package dev.rowan.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request and its response. Every accessor that reads client input returns a {@link Param}
 * or an {@link Optional}, never {@code null}; conversion failures become clear 400 responses.
 *
 * <pre>{@code
 * app.get("/api/convert", ctx -> {
 *     double value = ctx.query("value").asDouble();
 *     ctx.json(Map.of("result", value * 9 / 5 + 32));
 * });
 * }</pre>
 */
public interface Context {

    // ---- request line and metadata ----

    HttpMethod method();

    /** The decoded path, e.g. {@code /polls/5/}. */
    String path();

    /** The raw query string without '?', or "" when none. */
    String queryString();

    /** {@code http} or {@code https} (behind a trusted proxy: as forwarded). */
    String scheme();

    boolean isSecure();

    /** The host the client asked for, without port. Validated against allowed hosts. */
    String host();

    /** {@code scheme://host[:port]} of this request. */
    String origin();

    /** The address and port of the connection's other end: the client, or the proxy in front of the app. */
    InetSocketAddress remoteAddress();

    /**
     * The client's IP address. Without {@code server.trust-proxy} it is the connection's peer
     * ({@link #remoteAddress()}); behind a trusted proxy it is the last address of
     * {@code X-Forwarded-For}, the one the proxy received the request from (earlier addresses
     * in that header come from the client and are not believed), or the peer when the proxy sent
     * no IP address there.
     *
     * <pre>{@code
     * LOG.log(Level.INFO, "login from {0}", ctx.clientAddress().getHostAddress());
     * }</pre>
     */
    InetAddress clientAddress();

    Headers headers();

    Param header(String name);

    /** The media type of the body without parameters, e.g. {@code application/json}. */
    Optional<String> contentType();

    /**
     * The best of {@code offered} media types for the client's {@code Accept} header, honouring
     * q-values; empty when the client accepts none of them.
     */
    Optional<String> accepts(String... offered);

    // ---- parameters ----

    Param pathParam(String name);

    Map<String, String> pathParams();

    Param query(String name);

    List<String> queryAll(String name);

    Map<String, List<String>> queryParams();

    /** A field of a URL-encoded or multipart body (parsed on first use, within the configured limits). */
    Param form(String name);

    List<String> formAll(String name);

    Map<String, List<String>> formParams();

    Optional<UploadedFile> file(String name);

    List<UploadedFile> files(String name);

    Param cookie(String name);

    /** The value of a cookie set with {@link #signedCookie(Cookie)}, when its signature is valid. */
    Optional<String> signedCookie(String name);

    // ---- body ----

    byte[] bodyBytes();

    String bodyString();

    /** The body as a stream, read as it arrives from the network. */
    InputStream bodyStream();

    /** Decodes a JSON body with the app's JSON codec; malformed JSON is a 400 naming where. */
    <T> T bodyAs(Class<T> type);

    <T> T bodyAs(Type type);

    // ---- per-request state ----

    <T> Optional<T> get(Key<T> key);

    <T> Context set(Key<T> key, T value);

    Session session();

    App app();

    /**
     * The handler of the route this request matches, if any. Lets app-wide middleware honour
     * per-route markers, e.g. CSRF protection skipping handlers wrapped with {@code Csrf.exempt(..)}.
     */
    default Optional<Handler> routeHandler() {
        return Optional.empty();
    }

    /** Builds the URL of a named route, e.g. {@code ctx.url("polls:detail", 5)}. */
    String url(String routeName, Object... args);

    <T> T service(Class<T> type);

    // ---- response ----

    Context status(int status);

    int status();

    /** Sets a response header, replacing earlier values. CR and LF are refused. */
    Context header(String name, String value);

    Context addHeader(String name, String value);

    Optional<String> responseHeader(String name);

    Context contentType(String mediaType);

    Context cookie(Cookie cookie);

    /** Sets a cookie whose value is HMAC-signed with the app's secret key. */
    Context signedCookie(Cookie cookie);

    Context removeCookie(String name);

    Context text(String text);

    Context html(String html);

    Context bytes(byte[] body);

    /** Writes {@code value} as JSON with the app's JSON codec (add rowan-json). */
    Context json(Object value);

    /** Renders a template with the app's template renderer (add rowan-templates). */
    Context render(String template, Map<String, ?> model);

    /** 302 redirect. */
    Context redirect(String location);

    Context redirect(String location, int status);

    /** Streams a response of unknown length; {@code writer} runs now and may write as much as it likes. */
    void stream(String contentType, BodyWriter writer) throws IOException;

    /** Sends a file with ETag, Last-Modified, Range and a content type from its name. */
    void file(Path file) throws IOException;

    /** Sends a file as a download named {@code downloadName}. */
    void download(Path file, String downloadName) throws IOException;

    /** True once headers have gone to the client (after {@link #stream}). */
    boolean isCommitted();

    /** Writes a streamed body. */
    @FunctionalInterface
    interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }
}
