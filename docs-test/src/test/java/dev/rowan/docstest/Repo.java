package dev.rowan.docstest;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository this test runs in. */
final class Repo {
    private Repo() {
    }

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/getting-started.md"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("No repository root (a folder with docs/getting-started.md) above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
