package dev.rowan.core.internal.staticfiles;

import java.io.IOException;
import java.util.Optional;

/** Where static files come from; {@code rel} has passed {@link StaticPaths#problem(String)}. */
interface StaticSource {
    Optional<Resource> find(String rel) throws IOException;

    /** A problem that should stop the app from starting (e.g. a missing folder). */
    Optional<String> setupProblem();

    String describe();
}
