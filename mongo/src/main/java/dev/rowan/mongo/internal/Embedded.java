package dev.rowan.mongo.internal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The in-process, MongoDB-wire-compatible server (de.bwaldvogel:mongo-java-server with its H2 backend). This class
 * only checks whether the library is present; {@link EmbeddedServer} is the one class that touches it, so the
 * module loads without the optional dependency.
 */
public final class Embedded {
    /** The dependency to add, named in error messages. */
    public static final String DEPENDENCY = "de.bwaldvogel:mongo-java-server-h2-backend";

    private Embedded() {
    }

    public static boolean available() {
        try {
            Class.forName("de.bwaldvogel.mongo.backend.h2.H2Backend", false, Embedded.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Starts a server on 127.0.0.1 and a free port, storing data in {@code file} (empty: in memory). */
    public static EmbeddedServer start(Optional<Path> file) {
        return EmbeddedServer.start(file);
    }
}
