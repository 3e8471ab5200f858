package dev.rowan.bench.rawjetty;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Raw Jetty 12.1: one core {@link Handler} (no servlets), blocking handlers dispatched to virtual
 * threads as Jetty documents it. Jetty adds Server and Date itself. Serves on env {@code PORT}.
 */
public final class RawJettyServer {
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final PreEncodedHttpField TEXT_PLAIN =
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/plain");
    private static final PreEncodedHttpField APPLICATION_JSON =
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Message(String message) {
    }

    private RawJettyServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new BenchHandler());
        server.start();
        System.out.println("raw-jetty listening on " + port);
        server.join();
    }

    /** Blocking invocation type (the default), so Jetty runs it on a virtual thread. */
    private static final class BenchHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            switch (request.getHttpURI().getPath()) {
                case "/plaintext", "/" -> send(response, callback, TEXT_PLAIN, HELLO);
                case "/json" -> send(response, callback, APPLICATION_JSON,
                        JSON.writeValueAsBytes(new Message("Hello, World!")));
                default -> Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
            return true;
        }

        private static void send(Response response, Callback callback, PreEncodedHttpField type, byte[] body) {
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(type);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
