package dev.rowan.test.internal;

import dev.rowan.core.Headers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Case-insensitive request headers in the order they were added. */
final class RequestHeaders implements Headers {
    private final List<Wire.Header> headers;

    RequestHeaders(List<Wire.Header> headers) {
        this.headers = List.copyOf(headers);
    }

    @Override
    public Optional<String> first(String name) {
        for (Wire.Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> all(String name) {
        var out = new ArrayList<String>();
        for (Wire.Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                out.add(h.value());
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public Set<String> names() {
        var seen = new LinkedHashSet<String>();
        var lower = new java.util.HashSet<String>();
        for (Wire.Header h : headers) {
            if (lower.add(h.name().toLowerCase(Locale.ROOT))) {
                seen.add(h.name());
            }
        }
        return Collections.unmodifiableSet(seen);
    }
}
