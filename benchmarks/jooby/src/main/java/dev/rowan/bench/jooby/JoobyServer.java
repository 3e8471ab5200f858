package dev.rowan.bench.jooby;

import io.jooby.ExecutionMode;
import io.jooby.Jooby;
import io.jooby.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jooby 3 on Netty, in one of two execution modes chosen by env {@code JOOBY_MODE}:
 * <ul>
 *   <li>{@code event-loop} (the default, also when unset): Jooby's fastest documented set-up for these
 *       endpoints, as in its TechEmpower entry; handlers run on Netty's I/O threads, no dispatch. The
 *       counterpart of Rowan's opt-in {@code Handler.nonBlocking} ({@code rowan-inline} in run.sh).</li>
 *   <li>{@code worker}: {@link ExecutionMode#WORKER}, Jooby's mode for blocking handlers; every request
 *       is dispatched from the I/O thread to Jooby's worker pool. The counterpart of Rowan's default of
 *       running handlers on virtual threads ({@code jooby-worker} in run.sh).</li>
 * </ul>
 * Any other value stops the server with an error. In both modes plaintext is sent from a shared
 * read-only direct buffer and JSON encoded per request. Jooby's own Jackson module is not published
 * for 3.11.5 here, so JSON is plain Jackson 3 like the raw servers. Jooby adds Server and Date itself
 * (default headers). Serves on env {@code PORT} (default 8080).
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
        runApp(new String[] {"server.port=" + port}, executionMode(), JoobyServer::new);
    }

    /** {@code JOOBY_MODE}: {@code event-loop} (default) or {@code worker}; anything else is an error. */
    static ExecutionMode executionMode() {
        String mode = System.getenv().getOrDefault("JOOBY_MODE", "event-loop");
        return switch (mode) {
            case "event-loop" -> ExecutionMode.EVENT_LOOP;
            case "worker" -> ExecutionMode.WORKER;
            default -> throw new IllegalArgumentException(
                    "JOOBY_MODE must be 'event-loop' or 'worker', got '" + mode + "'");
        };
    }
}
