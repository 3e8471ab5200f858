package dev.rowan.mongo.internal;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A running in-process server; {@link #stop()} flushes the H2 file and frees the port. */
public final class EmbeddedServer {
    private final MongoServer server;
    private final String uri;
    private final Optional<Path> file;

    private EmbeddedServer(MongoServer server, String uri, Optional<Path> file) {
        this.server = server;
        this.uri = uri;
        this.file = file;
    }

    static EmbeddedServer start(Optional<Path> file) {
        H2Backend backend = file.map(EmbeddedServer::fileBackend).orElseGet(() -> new DurableH2Backend(MVStore.open(null), false));
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress address = server.getLocalAddress();
        // Literal address: "localhost" may resolve to ::1 first, where nothing listens.
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        return new EmbeddedServer(server, uri, file);
    }

    private static H2Backend fileBackend(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("mongo.E005 Cannot create the folder for the embedded MongoDB file "
                    + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return new DurableH2Backend(MVStore.open(file.toString()), false);
    }

    public String uri() {
        return uri;
    }

    public Optional<Path> file() {
        return file;
    }

    /** Closes client connections, then the backend (which writes the H2 file). */
    public void stop() {
        server.shutdown();
    }
}
