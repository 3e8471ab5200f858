package dev.rowan.core.internal.staticfiles;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;

/** A classpath resource inside a jar (or another non-file location). */
record UrlResource(URL url, String name, long size, long lastModified) implements Resource {

    static UrlResource of(URL url, String name, URLConnection conn) throws IOException {
        long size = conn.getContentLengthLong();
        if (size < 0) {
            try (InputStream in = conn.getInputStream()) {
                size = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        return new UrlResource(url, name, size, Math.max(0, conn.getLastModified()));
    }

    @Override
    public String identity() {
        return url.toString();
    }

    @Override
    public InputStream open() throws IOException {
        return url.openStream();
    }
}
