package dev.rowan.core.internal.routing;

import dev.rowan.core.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the route for a method and path. Pure: no I/O, built once when the app starts and then
 * only read, so it needs no locking. Literal paths are one hash lookup; patterns are tried in
 * registration order, first match wins.
 */
public final class Router {
    private final Map<String, EnumMap<HttpMethod, Route>> literal = new HashMap<>();
    private final List<PatternRoutes> patterns = new ArrayList<>();
    private final Map<String, Route> named = new LinkedHashMap<>();
    private final List<Route> all;

    private record PatternRoutes(RoutePattern pattern, EnumMap<HttpMethod, Route> byMethod) {}

    public Router(List<Route> routes) {
        this.all = List.copyOf(routes);
        for (Route r : routes) {
            add(r);
        }
    }

    private void add(Route r) {
        EnumMap<HttpMethod, Route> byMethod;
        if (r.pattern().isStatic()) {
            byMethod = literal.computeIfAbsent(r.pattern().text(), k -> new EnumMap<>(HttpMethod.class));
        } else {
            byMethod = patterns.stream().filter(p -> p.pattern().text().equals(r.pattern().text()))
                    .findFirst().map(PatternRoutes::byMethod).orElse(null);
            if (byMethod == null) {
                byMethod = new EnumMap<>(HttpMethod.class);
                patterns.add(new PatternRoutes(r.pattern(), byMethod));
            }
        }
        if (byMethod.containsKey(r.method())) {
            throw new IllegalArgumentException("Two handlers for " + r.method() + " " + r.pattern().text() + "; remove one of them");
        }
        byMethod.put(r.method(), r);
        if (!r.name().isEmpty()) {
            Route previous = named.putIfAbsent(r.name(), r);
            if (previous != null && !previous.pattern().text().equals(r.pattern().text())) {
                throw new IllegalArgumentException("The route name '" + r.name() + "' is used for both " + previous.pattern().text()
                        + " and " + r.pattern().text() + "; names must be unique");
            }
        }
    }

    /** Looks up a decoded path (starting with '/'). */
    public RouteMatch find(HttpMethod method, String path) {
        RouteMatch m = lookup(method, path);
        if (m instanceof RouteMatch.NotFound && (method == HttpMethod.GET || method == HttpMethod.HEAD) && !path.endsWith("/")) {
            // Like Django's APPEND_SLASH: /polls/5 finds /polls/5/ with a redirect, so both spellings work.
            String withSlash = path + "/";
            if (!(lookup(method, withSlash) instanceof RouteMatch.NotFound)) {
                return new RouteMatch.AddSlash(withSlash);
            }
        }
        return m;
    }

    private RouteMatch lookup(HttpMethod method, String path) {
        EnumMap<HttpMethod, Route> byMethod = literal.get(path);
        if (byMethod != null) {
            return select(method, byMethod, Map.of());
        }
        if (patterns.isEmpty()) {
            return RouteMatch.NOT_FOUND;
        }
        boolean trailing = path.length() > 1 && path.endsWith("/");
        String body = path.substring(1, trailing ? path.length() - 1 : path.length());
        String[] parts = body.isEmpty() ? new String[0] : body.split("/", -1);
        for (PatternRoutes p : patterns) {
            Map<String, Object[]> params = p.pattern().match(parts, trailing);
            if (params != null) {
                return select(method, p.byMethod(), params);
            }
        }
        return RouteMatch.NOT_FOUND;
    }

    private static RouteMatch select(HttpMethod method, EnumMap<HttpMethod, Route> byMethod, Map<String, Object[]> params) {
        Route r = byMethod.get(method);
        if (r == null && method == HttpMethod.HEAD) {
            r = byMethod.get(HttpMethod.GET);
        }
        if (r != null) {
            return new RouteMatch.Found(r, params);
        }
        return new RouteMatch.MethodNotAllowed(allowed(byMethod));
    }

    /** The {@code Allow} set for a path: registered methods plus implied HEAD and OPTIONS. */
    public static java.util.Set<String> allowed(EnumMap<HttpMethod, Route> byMethod) {
        var allow = new TreeSet<String>();
        byMethod.keySet().forEach(m -> allow.add(m.name()));
        if (byMethod.containsKey(HttpMethod.GET)) {
            allow.add("HEAD");
        }
        allow.add("OPTIONS");
        return allow;
    }


    /** Builds the path of a named route. */
    public String reverse(String name, Object... args) {
        return route(name).pattern().reverse(name, args);
    }

    public String reverse(String name, Map<String, ?> args) {
        return route(name).pattern().reverse(name, args);
    }

    private Route route(String name) {
        Route r = named.get(name);
        if (r == null) {
            throw new IllegalArgumentException("No route is named '" + name + "'. Named routes: " + named.keySet());
        }
        return r;
    }

    /** Every route, in the order registered. */
    public List<Route> routes() {
        return all;
    }

    /**
     * Percent-decodes a raw path; returns empty for malformed escapes or encoded NUL/slash tricks the caller must
     * reject. Reads {@code raw} only through {@code charAt} and {@code toString}, so a test can count the reads.
     */
    public static Optional<String> decodePath(CharSequence raw) {
        if (!containsPercent(raw)) {
            return Optional.of(raw.toString());
        }
        byte[] out = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16), lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                int b = hi * 16 + lo;
                // An encoded '/' or NUL would let one segment pose as two or cut a file name short.
                if (b == '/' || b == 0) {
                    return Optional.empty();
                }
                out[n++] = (byte) b;
                i += 2;
            } else if (c > 0x7f) {
                return Optional.empty();
            } else {
                out[n++] = (byte) c;
            }
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return Optional.of(decoder.decode(java.nio.ByteBuffer.wrap(out, 0, n)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean containsPercent(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%') {
                return true;
            }
        }
        return false;
    }
}
