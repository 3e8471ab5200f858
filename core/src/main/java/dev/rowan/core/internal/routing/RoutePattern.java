package dev.rowan.core.internal.routing;

import dev.rowan.core.PathConverter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed path pattern such as {@code /polls/{id:int}/results/}: matching and reversing. */
public final class RoutePattern {
    private final String text;
    private final Segment[] segments;
    private final boolean trailingSlash;
    private final List<String> paramNames;

    sealed interface Segment permits Literal, Variable {}

    record Literal(String text) implements Segment {}

    record Variable(String name, PathConverter<?> converter) implements Segment {}

    private RoutePattern(String text, Segment[] segments, boolean trailingSlash) {
        this.text = text;
        this.segments = segments;
        this.trailingSlash = trailingSlash;
        var names = new ArrayList<String>();
        for (Segment s : segments) {
            if (s instanceof Variable v) {
                names.add(v.name());
            }
        }
        this.paramNames = List.copyOf(names);
    }

    public static RoutePattern parse(String pattern, Converters converters) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("Route paths start with '/', got '" + pattern + "'");
        }
        if (pattern.contains("//")) {
            throw new IllegalArgumentException("Route path '" + pattern + "' contains an empty segment ('//')");
        }
        var segments = new ArrayList<Segment>();
        var seen = new java.util.HashSet<String>();
        String body = pattern.substring(1);
        boolean trailing = body.endsWith("/");
        if (trailing) {
            body = body.substring(0, body.length() - 1);
        }
        if (!body.isEmpty()) {
            String[] parts = body.split("/", -1);
            for (int i = 0; i < parts.length; i++) {
                Segment s = segment(parts[i], pattern, converters);
                if (s instanceof Variable v) {
                    if (!seen.add(v.name())) {
                        throw new IllegalArgumentException("Route '" + pattern + "' uses the parameter '" + v.name() + "' twice");
                    }
                    if (v.converter().greedy() && (i != parts.length - 1 || trailing)) {
                        throw new IllegalArgumentException("In route '" + pattern + "' the greedy parameter {" + v.name() + ":path} must be the last segment");
                    }
                }
                segments.add(s);
            }
        }
        return new RoutePattern(pattern, segments.toArray(Segment[]::new), trailing);
    }

    private static Segment segment(String part, String pattern, Converters converters) {
        boolean open = part.startsWith("{"), close = part.endsWith("}");
        if (open && close) {
            String inner = part.substring(1, part.length() - 1);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String type = colon < 0 ? "str" : inner.substring(colon + 1);
            if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                throw new IllegalArgumentException("Bad parameter name '" + name + "' in route '" + pattern + "'");
            }
            return new Variable(name, converters.get(type, pattern));
        }
        if (part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
            throw new IllegalArgumentException("In route '" + pattern + "', a parameter must be a whole segment like /{id:int}/, got '" + part + "'");
        }
        return new Literal(part);
    }

    public String text() {
        return text;
    }

    public boolean isStatic() {
        return paramNames.isEmpty();
    }

    public List<String> paramNames() {
        return paramNames;
    }

    public boolean trailingSlash() {
        return trailingSlash;
    }

    /**
     * Matches decoded path segments (the path without its leading and trailing slash split on '/').
     * Returns the converted values by name, or null when it does not match.
     */
    Map<String, Object[]> match(String[] parts, boolean pathHasTrailingSlash) {
        int n = segments.length;
        if (n == 0) {
            return parts.length == 0 && pathHasTrailingSlash == trailingSlash ? Map.of() : null;
        }
        Segment last = segments[n - 1];
        boolean greedy = last instanceof Variable v && v.converter().greedy();
        if (greedy ? parts.length < n : parts.length != n) {
            return null;
        }
        if (!greedy && pathHasTrailingSlash != trailingSlash) {
            return null;
        }
        Map<String, Object[]> values = null;
        for (int i = 0; i < n; i++) {
            Segment s = segments[i];
            if (s instanceof Literal l) {
                if (!l.text().equals(parts[i])) {
                    return null;
                }
                continue;
            }
            Variable v = (Variable) s;
            String raw = v.converter().greedy() ? join(parts, i, pathHasTrailingSlash) : parts[i];
            var converted = v.converter().parse(raw);
            if (converted.isEmpty()) {
                return null;
            }
            if (values == null) {
                values = new LinkedHashMap<>(4);
            }
            values.put(v.name(), new Object[] {raw, converted.get()});
        }
        return values == null ? Map.of() : values;
    }

    private static String join(String[] parts, int from, boolean trailing) {
        var sb = new StringBuilder();
        for (int i = from; i < parts.length; i++) {
            if (i > from) {
                sb.append('/');
            }
            sb.append(parts[i]);
        }
        return trailing ? sb.append('/').toString() : sb.toString();
    }

    /** Builds a path from positional arguments, formatted by each parameter's converter. */
    public String reverse(String routeName, Object[] args) {
        if (args.length != paramNames.size()) {
            throw new IllegalArgumentException("Route '" + routeName + "' (" + text + ") takes " + paramNames.size()
                    + " argument(s) " + paramNames + ", got " + args.length);
        }
        var sb = new StringBuilder();
        int a = 0;
        for (Segment s : segments) {
            sb.append('/');
            if (s instanceof Literal l) {
                sb.append(l.text());
            } else {
                Variable v = (Variable) s;
                Object arg = args[a++];
                String formatted = v.converter().format(arg);
                if (v.converter().parse(formatted).isEmpty()) {
                    throw new IllegalArgumentException("Route '" + routeName + "' (" + text + "): '" + formatted
                            + "' is not a valid " + v.name() + " for this route");
                }
                sb.append(v.converter().greedy() ? encodePath(formatted) : encodeSegment(formatted));
            }
        }
        if (trailingSlash || segments.length == 0) {
            sb.append('/');
        }
        return sb.toString();
    }

    public String reverse(String routeName, Map<String, ?> args) {
        var missing = new ArrayList<>(paramNames);
        missing.removeAll(args.keySet());
        if (!missing.isEmpty() || args.size() != paramNames.size()) {
            throw new IllegalArgumentException("Route '" + routeName + "' (" + text + ") takes " + paramNames + ", got " + args.keySet());
        }
        return reverse(routeName, paramNames.stream().map(args::get).toArray());
    }

    static String encodeSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String s) {
        var parts = s.split("/", -1);
        var sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(encodeSegment(parts[i]));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
