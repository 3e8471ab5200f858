package dev.rowan.bench.rawhelidon;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * Raw Helidon SE WebServer 4 with its own model: every request is handled on a virtual thread.
 * Routing and headers are Helidon's; JSON is plain Jackson 3. Serves on env {@code PORT} (default 8080).
 */
public final class RawHelidonServer {
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final Header SERVER = HeaderValues.createCached(HeaderNames.SERVER, "raw-helidon");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Message(String message) {
    }

    private RawHelidonServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        WebServer server = WebServer.builder()
                .port(port)
                .routing(routing -> routing
                        .get("/plaintext", RawHelidonServer::plaintext)
                        .get("/json", RawHelidonServer::json)
                        .get("/", RawHelidonServer::plaintext))
                .build()
                .start();
        System.out.println("raw-helidon listening on " + server.port());
    }

    private static void plaintext(ServerRequest request, ServerResponse response) {
        response.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN).header(SERVER).send(HELLO);
    }

    private static void json(ServerRequest request, ServerResponse response) {
        byte[] body = JSON.writeValueAsBytes(new Message("Hello, World!"));
        response.header(HeaderValues.CONTENT_TYPE_JSON).header(SERVER).send(body);
    }
}
