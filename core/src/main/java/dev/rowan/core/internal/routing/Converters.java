package dev.rowan.core.internal.routing;

import dev.rowan.core.PathConverter;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The built-in path converters and the registry apps add to. */
public final class Converters {
    private final Map<String, PathConverter<?>> byName = new HashMap<>();

    public Converters() {
        byName.put("str", PathConverter.of(String.class, s -> s.isEmpty() ? Optional.empty() : Optional.of(s)));
        byName.put("int", PathConverter.of(Integer.class, Converters::parseInt));
        byName.put("long", PathConverter.of(Long.class, Converters::parseLong));
        byName.put("uuid", PathConverter.of(UUID.class, Converters::parseUuid));
        byName.put("slug", PathConverter.of(String.class, s -> isSlug(s) ? Optional.of(s) : Optional.empty()));
        byName.put("path", new PathConverter<String>() {
            public Class<String> type() {
                return String.class;
            }

            public Optional<String> parse(String rest) {
                return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
            }

            public boolean greedy() {
                return true;
            }
        });
    }

    public void register(String name, PathConverter<?> converter) {
        if (!name.matches("[a-zA-Z][a-zA-Z0-9_]*")) {
            throw new IllegalArgumentException("Converter names are letters, digits and '_', got '" + name + "'");
        }
        byName.put(name, converter);
    }

    public PathConverter<?> get(String name, String pattern) {
        PathConverter<?> c = byName.get(name);
        if (c == null) {
            throw new IllegalArgumentException("Unknown path type '" + name + "' in route '" + pattern + "'. Known types: "
                    + new java.util.TreeSet<>(byName.keySet()) + ". Register your own with app.converter(\"" + name + "\", ...).");
        }
        return c;
    }

    // Digits only: "+5", " 5" and "05"-style leading zeros would give two URLs for one resource.
    private static Optional<Integer> parseInt(String s) {
        return canonicalDigits(s, 10) ? tryParse(() -> Integer.valueOf(s)) : Optional.empty();
    }

    private static Optional<Long> parseLong(String s) {
        return canonicalDigits(s, 19) ? tryParse(() -> Long.valueOf(s)) : Optional.empty();
    }

    private static boolean canonicalDigits(String s, int maxLength) {
        if (s.isEmpty() || s.length() > maxLength || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Optional<UUID> parseUuid(String s) {
        if (s.length() != 36) {
            return Optional.empty();
        }
        return tryParse(() -> UUID.fromString(s));
    }

    private static boolean isSlug(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static <T> Optional<T> tryParse(java.util.function.Supplier<T> parse) {
        try {
            return Optional.of(parse.get());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
