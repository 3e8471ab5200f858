package dev.rowan.core;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The request methods Rowan routes. */
public enum HttpMethod {
    GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS;

    /** Methods that may change state; CSRF protection and similar guards apply to these. */
    public boolean isUnsafe() {
        return this == POST || this == PUT || this == PATCH || this == DELETE;
    }

    // One Optional per constant, made once: parse runs for every request.
    private static final List<Optional<HttpMethod>> PARSED = Stream.of(values()).map(Optional::of).toList();

    /** Parses a method token exactly as sent (methods are case-sensitive in HTTP). Allocates nothing. */
    public static Optional<HttpMethod> parse(String token) {
        return switch (token) {
            case "GET" -> PARSED.get(GET.ordinal());
            case "HEAD" -> PARSED.get(HEAD.ordinal());
            case "POST" -> PARSED.get(POST.ordinal());
            case "PUT" -> PARSED.get(PUT.ordinal());
            case "PATCH" -> PARSED.get(PATCH.ordinal());
            case "DELETE" -> PARSED.get(DELETE.ordinal());
            case "OPTIONS" -> PARSED.get(OPTIONS.ordinal());
            default -> Optional.empty();
        };
    }

}
