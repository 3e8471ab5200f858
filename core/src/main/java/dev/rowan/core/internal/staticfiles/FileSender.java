package dev.rowan.core.internal.staticfiles;

import dev.rowan.core.Config;
import dev.rowan.core.HttpException;
import dev.rowan.core.internal.RequestContextAccess;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Sends one file from disk as a response. */
public final class FileSender {
    public FileSender(Config config) {
    }

    public void send(RequestContextAccess ctx, Path file, Optional<String> downloadName) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw HttpException.notFound("There is no file " + file.getFileName() + ".");
        }
        ctx.header("Content-Type", MediaTypes.forName(file.getFileName().toString()));
        downloadName.ifPresent(n -> ctx.header("Content-Disposition", "attachment; filename=\"" + n.replaceAll("[^A-Za-z0-9._-]", "_") + "\""));
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file); OutputStream out = ctx.commit(size)) {
            in.transferTo(out);
        }
    }
}
