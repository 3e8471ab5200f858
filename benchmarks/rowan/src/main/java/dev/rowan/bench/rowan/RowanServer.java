package dev.rowan.bench.rowan;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Handler;

import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Map;

/**
 * Rowan as a user would write these endpoints, in the production profile with request logging off
 * (TechEmpower forbids disk logging). JSON goes through rowan-json, found on the class path.
 * Serves on env {@code PORT} (default 8080); env {@code ROWAN_MODE=inline} marks /plaintext and /json
 * {@link Handler#nonBlocking non-blocking}, env {@code ROWAN_TRANSPORT=epoll} serves on Netty's epoll
 * transport ({@code server.transport=epoll}) instead of the default NIO. The two are independent.
 */
public final class RowanServer {
    record Message(String message) {
    }

    private RowanServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        String mode = choice("ROWAN_MODE", "default", "inline");
        String transport = choice("ROWAN_TRANSPORT", "nio", "epoll");
        Config config = Config.of(Map.of(
                "profile", Config.PROD,
                "server.transport", transport,
                // A fresh key per process: the production checks require one, and nothing here is signed.
                "secret.key", randomKey(),
                "allowed.hosts", "127.0.0.1,localhost",
                "server.access-log", "false",
                // TechEmpower requires a Server header; Rowan sends one only when asked.
                "server.header", "rowan"));
        Handler plaintext = ctx -> ctx.text("Hello, World!");
        Handler json = ctx -> ctx.json(new Message("Hello, World!"));
        if (mode.equals("inline")) {
            // These two handlers never block, so they may run on the event loop (see docs/decisions/non-blocking-handlers.md).
            plaintext = Handler.nonBlocking(plaintext);
            json = Handler.nonBlocking(json);
        }
        App.create(config)
                .get("/plaintext", plaintext)
                .get("/json", json)
                .get("/", ctx -> ctx.text("Hello, World!"))
                // For benchmarks/slow-clients.sh: a body to send slowly.
                .post("/upload", ctx -> ctx.text(ctx.bodyBytes().length + " bytes"))
                .start(port);
    }

    /** The value of env {@code name}: one of {@code choices}, the first when unset; anything else stops the server. */
    private static String choice(String name, String... choices) {
        String value = System.getenv().getOrDefault(name, choices[0]);
        if (!List.of(choices).contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", choices) + ", got '" + value + "'");
        }
        return value;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        // Not SecureRandom: nothing here is signed, and seeding SecureRandom would add ~50 ms to the
        // measured start-up that a real deployment (SECRET_KEY from the environment) does not pay.
        new SplittableRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
