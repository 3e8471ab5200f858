package dev.rowan.templates.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Template names are relative, {@code /}-separated paths that cannot climb out of a root. */
public final class TemplateNames {
    private TemplateNames() {
    }

    /** The normalized name, or empty when the name is unusable (absolute, climbing out with {@code ..}, blank). */
    public static Optional<String> normalize(String name) {
        if (name == null || name.isBlank() || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0
                || name.startsWith("/") || name.contains(":")) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    /** Resolves {@code ./x} and {@code ../x} against the folder of {@code anchor}; other names are returned as is. */
    public static String resolveRelative(String name, String anchor) {
        if (!name.startsWith("./") && !name.startsWith("../")) {
            return name;
        }
        int slash = anchor.lastIndexOf('/');
        String folder = slash < 0 ? "" : anchor.substring(0, slash + 1);
        return normalize(folder + name).orElse(name);
    }
}
