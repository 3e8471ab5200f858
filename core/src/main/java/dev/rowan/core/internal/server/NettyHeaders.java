package dev.rowan.core.internal.server;

import dev.rowan.core.Headers;
import io.netty.handler.codec.http.HttpHeaders;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Request headers read straight from Netty's decoded headers, without copying them. */
final class NettyHeaders implements Headers {
    private final HttpHeaders headers;

    NettyHeaders(HttpHeaders headers) {
        this.headers = headers;
    }

    @Override
    public Optional<String> first(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public List<String> all(String name) {
        return headers.getAll(name);
    }

    @Override
    public Set<String> names() {
        return new LinkedHashSet<>(headers.names());
    }
}
