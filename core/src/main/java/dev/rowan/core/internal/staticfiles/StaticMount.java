package dev.rowan.core.internal.staticfiles;

import dev.rowan.core.Context;
import dev.rowan.core.HttpException;
import dev.rowan.core.internal.RequestContextAccess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** One static-files mount: a source served under a URL prefix. */
public final class StaticMount {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final String urlPrefix;
    private final StaticSource source;
    private final String cacheControl;
    private final ContentHashes hashes = new ContentHashes();

    private StaticMount(String urlPrefix, StaticSource source, Duration maxAge) {
        this.urlPrefix = urlPrefix;
        this.source = source;
        this.cacheControl = maxAge.isZero() ? "no-cache" : "public, max-age=" + maxAge.toSeconds();
    }

    public static StaticMount folder(String urlPrefix, Path root, Duration maxAge) {
        return new StaticMount(urlPrefix, new FolderSource(root), maxAge);
    }

    public static StaticMount classpath(String urlPrefix, ClassLoader loader, String resourcePrefix, Duration maxAge) {
        return new StaticMount(urlPrefix, new ClasspathSource(loader, resourcePrefix), maxAge);
    }

    public String urlPrefix() {
        return urlPrefix;
    }

    public String describe() {
        return source.describe() + " at " + urlPrefix;
    }

    public Optional<String> setupProblem() {
        return source.setupProblem();
    }

    /** Serves {@code rel} (the decoded path after the prefix), plain or fingerprinted. */
    public void serve(Context context, String rel) throws IOException {
        if (!(context instanceof RequestContextAccess ctx)) {
            throw new IllegalStateException("Static files need Rowan's own request context, got " + context.getClass().getName());
        }
        if (rel.endsWith("/")) {
            // A directory URL: there are no listings.
            throw notFound();
        }
        Optional<String> problem = StaticPaths.problem(rel);
        if (problem.isPresent()) {
            throw HttpException.badRequest("This static file path is not allowed: " + problem.get() + ".");
        }
        if (StaticPaths.hidden(rel)) {
            throw notFound();
        }
        Optional<Resource> plain = source.find(rel);
        if (plain.isPresent()) {
            send(ctx, plain.get(), cacheControl);
            return;
        }
        Fingerprints.Parsed fp = Fingerprints.parse(rel).orElseThrow(StaticMount::notFound);
        Resource r = source.find(fp.plain()).orElseThrow(StaticMount::notFound);
        if (!hash(r).startsWith(fp.fingerprint())) {
            // An old fingerprint: serving today's content under it would be cached for a year as the old version.
            throw notFound();
        }
        send(ctx, r, IMMUTABLE);
    }

    /** The URL path of {@code rel} with its fingerprint, when the file exists here. */
    public Optional<String> fingerprintedUrl(String rel) {
        if (StaticPaths.problem(rel).isPresent() || StaticPaths.hidden(rel)) {
            return Optional.empty();
        }
        try {
            return source.find(rel).map(r -> urlPrefix + "/" + encodePath(Fingerprints.insert(rel, hash(r))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(RequestContextAccess ctx, Resource r, String cache) throws IOException {
        ResourceSender.send(ctx, r, "\"" + hash(r).substring(0, 32) + "\"", cache);
    }

    private String hash(Resource r) {
        return hashes.of(r);
    }

    private static HttpException notFound() {
        return HttpException.notFound("There is no such static file.");
    }

    private static String encodePath(String rel) {
        var sb = new StringBuilder(rel.length());
        for (byte b : rel.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/!$&()*+,;=@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
