package dev.rowan.test.internal;

import java.io.IOException;
import java.util.List;

/** What travels between the test client and a transport (in memory or a real socket). */
public final class Wire {
    private Wire() {
    }

    /** A header as sent or received. */
    public record Header(String name, String value) {}

    /** A request ready to go: {@code target} is path plus optional query, already encoded. */
    public record Request(String method, String target, List<Header> headers, byte[] body, boolean secure) {}

    /** A response as the client saw it. */
    public record Response(int status, List<Header> headers, byte[] body) {}

    /** Sends one request. */
    public interface Transport extends AutoCloseable {
        Response send(Request request) throws IOException;

        /** The origin a browser on the app's pages would send, given the client's Host header. */
        String origin(String hostHeader);

        @Override
        void close();
    }
}
