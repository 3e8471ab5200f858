package dev.rowan.core;

import java.util.Objects;

/**
 * A typed key for per-request attributes, so middleware and handlers share values without casts.
 *
 * <pre>{@code
 * static final Key<User> USER = Key.of("user", User.class);
 * ctx.set(USER, user);
 * Optional<User> who = ctx.get(USER);
 * }</pre>
 */
public final class Key<T> {
    private final String name;
    private final Class<T> type;

    private Key(String name, Class<T> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    public static <T> Key<T> of(String name, Class<T> type) {
        return new Key<>(name, type);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return "Key[" + name + ": " + type.getSimpleName() + "]";
    }
}
