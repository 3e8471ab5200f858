package dev.rowan.templates.internal;

import dev.rowan.templates.RenderScope;

import java.util.Optional;

/** The render in progress on this thread, so functions called from macros (which see no model) still find it. */
record Scope(String templateName, Optional<Object> context) implements RenderScope {
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    static Optional<Scope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code body} with this scope current, restoring the outer one so nested renders keep theirs. */
    void run(Runnable body) {
        Scope outer = CURRENT.get();
        CURRENT.set(this);
        try {
            body.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
