package dev.rowan.core;

import dev.rowan.core.internal.staticfiles.StaticMount;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Builds fingerprinted URLs for static files, registered by {@link StaticFiles}. A fingerprinted
 * URL changes whenever the file's content does, so it is served with a one-year
 * {@code immutable} cache lifetime.
 *
 * <pre>{@code
 * StaticUrls urls = app.service(StaticUrls.class);
 * urls.url("css/site.css");   // "/static/css/site.1a2b3c4d.css"
 * }</pre>
 */
public final class StaticUrls {
    private final List<StaticMount> mounts = new CopyOnWriteArrayList<>();

    StaticUrls() {
    }

    void add(StaticMount mount) {
        mounts.add(mount);
    }

    /**
     * The fingerprinted URL of {@code path} (relative to a static root, e.g. {@code "css/site.css"}),
     * from the first installed mount that has the file.
     *
     * @throws IllegalArgumentException when no mount has it, naming the mounts searched
     */
    public String url(String path) {
        return find(path).orElseThrow(() -> new IllegalArgumentException("static.E002: there is no static file '" + path
                + "' in " + mounts.stream().map(StaticMount::describe).toList() + "."));
    }

    /** Like {@link #url(String)}, but empty when no mount has the file. */
    public Optional<String> find(String path) {
        String rel = path.startsWith("/") ? path.substring(1) : path;
        for (StaticMount m : mounts) {
            Optional<String> url = m.fingerprintedUrl(rel);
            if (url.isPresent()) {
                return url;
            }
        }
        return Optional.empty();
    }
}
