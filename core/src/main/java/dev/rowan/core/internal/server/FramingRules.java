package dev.rowan.core.internal.server;

import dev.rowan.core.internal.HostSyntax;
import dev.rowan.core.internal.ServerSettings;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

import java.util.Iterator;
import java.util.List;

/**
 * The framing checks on a decoded request head, made before anything is routed: a pure decision
 * over the request and the settings, with no state and no side effects. {@link ConnectionHandler}
 * answers a {@link Problem} with its status and closes, because after bad framing nothing more on
 * the connection can be trusted. Netty 4.2 already rejects (as a failed decoder result) bad
 * Content-Length values, transfer codings that do not end in chunked, Transfer-Encoding in
 * HTTP/1.0, chunk sizes over 2^31-1, bare LF line ends and control characters in header values;
 * {@link StrictRequestDecoder} adds obs-fold, Content-Length with Transfer-Encoding and the version
 * syntax. Those failures arrive here as the decoder result and are turned into an answer. Checked
 * here: the version's major number, control bytes in the target, one well-formed Host
 * ({@link HostSyntax}), and the transfer codings Rowan decodes.
 *
 * <p>Threads: called on the event loop only; being stateless, it would be safe anywhere.
 */
final class FramingRules {
    /** Why a request must not be handled: the status to answer with and the message for the body. */
    record Problem(HttpResponseStatus status, String message) {
    }

    private FramingRules() {
    }

    /**
     * Checks what Netty decoded; returns {@code null} when the request may be handled. Allocates
     * nothing on that path: a {@link Problem} is built only for a request that is refused.
     */
    static Problem check(HttpRequest request, ServerSettings settings) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            Throwable cause = result.cause();
            if (cause instanceof TooLongHttpLineException) {
                return new Problem(HttpResponseStatus.REQUEST_URI_TOO_LONG, "The request line is longer than " + settings.maxInitialLineLength() + " bytes.");
            }
            if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
                return new Problem(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers are larger than " + settings.maxHeaderSize() + " bytes.");
            }
            return new Problem(HttpResponseStatus.BAD_REQUEST, "The request is malformed: " + describe(cause));
        }
        HttpVersion version = request.protocolVersion();
        if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
            return new Problem(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, "Only HTTP/1.1 and HTTP/1.0 are supported.");
        }
        if (!isPlainTarget(request.uri())) {
            return new Problem(HttpResponseStatus.BAD_REQUEST, "The request target contains control or non-ASCII characters.");
        }
        HttpHeaders h = request.headers();
        Iterator<? extends CharSequence> hosts = h.valueCharSequenceIterator(HttpHeaderNames.HOST);
        boolean hasHost = hosts.hasNext();
        CharSequence host = hasHost ? hosts.next() : null;
        if (hosts.hasNext() || !hasHost && version == HttpVersion.HTTP_1_1) {
            // RFC 9112 §3.2: exactly one Host in HTTP/1.1; two could each be trusted by a different hop.
            return new Problem(HttpResponseStatus.BAD_REQUEST, hasHost ? "The request has more than one Host header." : "The request has no Host header.");
        }
        if (hasHost && !HostSyntax.isValid(host)) {
            // RFC 9112 §3.2 again: a Host with an invalid value is a bad request, whatever allowed.hosts says.
            return new Problem(HttpResponseStatus.BAD_REQUEST, "The Host header '" + shorten(host.toString())
                    + "' is not a valid host name with an optional port (1-65535).");
        }
        if (h.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            if (version == HttpVersion.HTTP_1_0) {
                return new Problem(HttpResponseStatus.BAD_REQUEST, "Transfer-Encoding is not allowed in HTTP/1.0 requests.");
            }
            if (h.contains(HttpHeaderNames.CONTENT_LENGTH)) {
                return new Problem(HttpResponseStatus.BAD_REQUEST, "Content-Length and Transfer-Encoding were both sent.");
            }
            List<String> te = h.getAll(HttpHeaderNames.TRANSFER_ENCODING);
            if (te.size() != 1 || !isChunkedAlone(te.get(0))) {
                return new Problem(HttpResponseStatus.NOT_IMPLEMENTED, "Only 'Transfer-Encoding: chunked' is supported.");
            }
        }
        return null;
    }

    /**
     * True when the list holds "chunked" and nothing else but empty elements, which RFC 9110 §5.6.1
     * says to ignore ({@code "chunked, ,"}, {@code ", chunked"}). Netty skips them the same way when
     * it frames the body, so both read the same list; any other coding is still refused.
     */
    static boolean isChunkedAlone(String value) {
        boolean chunked = false;
        for (int from = 0, n = value.length(); from <= n; ) {
            int comma = value.indexOf(',', from);
            int end = comma < 0 ? n : comma;
            int start = from;
            while (start < end && isBlank(value.charAt(start))) {
                start++;
            }
            int stop = end;
            while (stop > start && isBlank(value.charAt(stop - 1))) {
                stop--;
            }
            if (stop > start) {
                if (chunked || stop - start != 7 || !value.regionMatches(true, start, "chunked", 0, 7)) {
                    return false;
                }
                chunked = true;
            }
            from = end + 1;
        }
        return chunked;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isPlainTarget(String uri) {
        for (int i = 0, n = uri.length(); i < n; i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return !uri.isEmpty();
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** A decoder failure in words for the client's error page: its message, at most 200 characters. */
    static String describe(Throwable t) {
        String m = t == null ? null : t.getMessage();
        if (m == null || m.isBlank()) {
            return t == null ? "unknown error" : t.getClass().getSimpleName();
        }
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
