package dev.rowan.core.internal.staticfiles;

import dev.rowan.core.Config;
import dev.rowan.core.HttpException;
import dev.rowan.core.internal.RequestContextAccess;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Sends one file from disk for {@code ctx.file(path)} and {@code ctx.download(path, name)}, with the
 * same ETag, 304 and Range handling as static files. The ETag comes from size and modification
 * time, so large files are never read just to answer a 304.
 */
public final class FileSender {
    // The file may be private to the user who asked: shared caches must not keep it, browsers revalidate.
    private static final String CACHE_CONTROL = "private, no-cache";

    public FileSender(Config config) {
    }

    public void send(RequestContextAccess ctx, Path file, Optional<String> downloadName) throws IOException {
        PathResource r = PathResource.of(file).orElseThrow(() ->
                HttpException.notFound("There is no file " + file.getFileName() + "."));
        String etag = "\"" + Long.toHexString(r.size()) + "-" + Long.toHexString(r.lastModified()) + "\"";
        downloadName.ifPresent(n -> ctx.header("Content-Disposition", ContentDisposition.attachment(n)));
        ResourceSender.send(ctx, r, etag, CACHE_CONTROL);
    }
}
