package dev.rowan.core.internal.staticfiles;

import dev.rowan.core.HttpException;
import dev.rowan.core.HttpMethod;
import dev.rowan.core.internal.HttpDates;
import dev.rowan.core.internal.RequestContextAccess;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Sends a {@link Resource} with the validators and conditional logic of RFC 9110: ETag and
 * Last-Modified, 304 for {@code If-None-Match}/{@code If-Modified-Since}, 412 for
 * {@code If-Match}/{@code If-Unmodified-Since}, and one byte range (206, or 416 when it cannot be
 * satisfied). Several ranges are answered with the whole file, which RFC 9110 allows.
 */
final class ResourceSender {
    private ResourceSender() {
    }

    static void send(RequestContextAccess ctx, Resource r, String etag, String cacheControl) throws IOException {
        long seconds = r.lastModified() / 1000;
        if (ctx.responseHeader("Content-Type").isEmpty()) {
            ctx.header("Content-Type", MediaTypes.forName(r.name()));
        }
        ctx.header("ETag", etag);
        if (r.lastModified() > 0) {
            ctx.header("Last-Modified", HttpDates.format(r.lastModified()));
        }
        if (ctx.responseHeader("Cache-Control").isEmpty()) {
            ctx.header("Cache-Control", cacheControl);
        }
        ctx.header("Accept-Ranges", "bytes");
        if (preconditionFailed(ctx, etag, seconds, r.lastModified() > 0)) {
            throw HttpException.of(412, "The file has changed since the version the request was conditional on.");
        }
        if (notModified(ctx, etag, seconds, r.lastModified() > 0)) {
            ctx.status(304);
            return;
        }
        Optional<ByteRange> range = ctx.method() == HttpMethod.GET && rangeApplies(ctx, etag, seconds)
                ? ByteRange.parse(ctx.header("Range").value(), r.size()) : Optional.empty();
        if (range.isPresent() && range.get().unsatisfiable()) {
            throw HttpException.of(416, "The requested range is outside the file, which has " + r.size() + " bytes.")
                    .withHeader("Content-Range", "bytes */" + r.size());
        }
        long start = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(r.size());
        if (range.isPresent()) {
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + start + "-" + (start + length - 1) + "/" + r.size());
        }
        try (OutputStream out = ctx.commit(length)) {
            if (ctx.method() != HttpMethod.HEAD && length > 0) {
                r.copyRange(out, start, length);
            }
        }
    }

    // RFC 9110 §13.2.2: If-Match, else If-Unmodified-Since.
    private static boolean preconditionFailed(RequestContextAccess ctx, String etag, long seconds, boolean dated) {
        Optional<String> ifMatch = ctx.header("If-Match").value();
        if (ifMatch.isPresent()) {
            return !ETags.anyMatches(ifMatch.get(), etag, true);
        }
        Optional<Long> since = ctx.header("If-Unmodified-Since").value().flatMap(HttpDates::parseSeconds);
        return dated && since.isPresent() && seconds > since.get();
    }

    // If-None-Match, when present, makes If-Modified-Since irrelevant.
    private static boolean notModified(RequestContextAccess ctx, String etag, long seconds, boolean dated) {
        if (ctx.method() != HttpMethod.GET && ctx.method() != HttpMethod.HEAD) {
            return false;
        }
        Optional<String> ifNoneMatch = ctx.header("If-None-Match").value();
        if (ifNoneMatch.isPresent()) {
            return ETags.anyMatches(ifNoneMatch.get(), etag, false);
        }
        Optional<Long> since = ctx.header("If-Modified-Since").value().flatMap(HttpDates::parseSeconds);
        return dated && since.isPresent() && seconds <= since.get();
    }

    // If-Range: the range is only honoured for the exact version the client holds part of.
    private static boolean rangeApplies(RequestContextAccess ctx, String etag, long seconds) {
        Optional<String> ifRange = ctx.header("If-Range").value().map(String::strip);
        if (ifRange.isEmpty()) {
            return true;
        }
        String v = ifRange.get();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            return v.equals(etag);
        }
        return HttpDates.parseSeconds(v).map(s -> s == seconds).orElse(false);
    }
}
