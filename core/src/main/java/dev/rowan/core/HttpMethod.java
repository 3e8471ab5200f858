package dev.rowan.core;

import java.util.Optional;

/** The request methods Rowan routes. */
public enum HttpMethod {
    GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS;

    /** Methods that may change state; CSRF protection and similar guards apply to these. */
    public boolean isUnsafe() {
        return this == POST || this == PUT || this == PATCH || this == DELETE;
    }

    /** Parses a method token exactly as sent (methods are case-sensitive in HTTP). */
    public static Optional<HttpMethod> parse(String token) {
        return switch (token) {
            case "GET" -> Optional.of(GET);
            case "HEAD" -> Optional.of(HEAD);
            case "POST" -> Optional.of(POST);
            case "PUT" -> Optional.of(PUT);
            case "PATCH" -> Optional.of(PATCH);
            case "DELETE" -> Optional.of(DELETE);
            case "OPTIONS" -> Optional.of(OPTIONS);
            default -> Optional.empty();
        };
    }
}
