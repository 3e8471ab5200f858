package dev.rowan.bench.jooby;

import io.jooby.ExecutionMode;
import io.jooby.Jooby;
import io.jooby.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jooby 3 on Netty in its fastest documented set-up for these endpoints, as in its TechEmpower
 * entry: event-loop execution mode (handlers run on Netty's I/O threads, no dispatch), plaintext
 * sent from a shared read-only direct buffer, JSON encoded per request. Jooby's own Jackson module
 * is not published for 3.11.5 here, so JSON is plain Jackson 3 like the raw servers.
 * Jooby adds Server and Date itself (default headers). Serves on env {@code PORT} (default 8080).
 */
public final class JoobyServer extends Jooby {
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final ByteBuffer HELLO_BUFFER =
            ByteBuffer.allocateDirect(HELLO.length).put(HELLO).flip().asReadOnlyBuffer();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Message(String message) {
    }

    {
        get("/plaintext", ctx -> ctx.setResponseType(MediaType.text).send(HELLO_BUFFER.duplicate()));
        get("/json", ctx -> ctx.setResponseType(MediaType.json)
                .send(JSON.writeValueAsBytes(new Message("Hello, World!"))));
        get("/", ctx -> ctx.setResponseType(MediaType.text).send(HELLO_BUFFER.duplicate()));
    }

    public static void main(String[] args) {
        // Jooby reads key=value arguments into its configuration; server.port sets the port.
        String port = System.getenv().getOrDefault("PORT", "8080");
        runApp(new String[] {"server.port=" + port}, ExecutionMode.EVENT_LOOP, JoobyServer::new);
    }
}
