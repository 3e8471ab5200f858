package dev.rowan.core.internal;

import dev.rowan.core.Config;

import java.time.Duration;

/**
 * Engine settings read once from config. {@code trackBufferLeaks}: the engine samples its buffers
 * for leaks (with a stack trace each) outside production, where a leak in Rowan's engine should
 * show up in tests; production does not pay for it. {@code epoll}: Netty's native epoll transport
 * instead of the JDK's NIO (see docs/decisions/http-engine.md for why NIO is the default).
 * {@code headTimeout}: the time a request line and headers may take to arrive, from their first
 * byte. {@code minBodyRate}: the bytes per second a request body must average once it has been
 * arriving for {@code minBodyRateGrace} (0 turns the check off). Both stop clients that trickle a
 * request to hold a connection (see docs/decisions/http-framing.md). {@code shutdownIdleGrace}: on
 * stop, how long a kept-alive connection without a request stays open and answers one more.
 */
public record ServerSettings(String host, int port, int ioThreads, int maxInitialLineLength, int maxHeaderSize,
                             long maxBodySize, Duration idleTimeout, boolean trackBufferLeaks, boolean epoll,
                             Duration headTimeout, long minBodyRate, Duration minBodyRateGrace, Duration shutdownIdleGrace) {

    public static ServerSettings from(Config c, int port) {
        // Like Flask's dev server: dev listens on loopback only, so a dev build is never exposed by accident.
        String defaultHost = c.isProduction() ? "0.0.0.0" : "127.0.0.1";
        return new ServerSettings(
                c.get("server.host", defaultHost),
                port,
                c.getInt("server.io-threads", Math.max(1, Runtime.getRuntime().availableProcessors())),
                (int) c.getBytes("server.max-uri-length", 8 * 1024),
                (int) c.getBytes("server.max-header-size", 16 * 1024),
                maxBodySize(c),
                c.getDuration("server.idle-timeout", Duration.ofSeconds(60)),
                !c.isProduction(),
                epoll(c),
                c.getDuration("server.head-timeout", Duration.ofSeconds(10)),
                c.getBytes("server.min-body-rate", 240),
                c.getDuration("server.min-body-rate-grace", Duration.ofSeconds(5)),
                // Production only: a proxy's pooled connection must not close under a request it just sent, while a
                // dev restart or a test's stop should not wait for a browser's or a client's idle connection.
                c.getDuration("server.shutdown-idle-grace", c.isProduction() ? Duration.ofSeconds(1) : Duration.ZERO));
    }

    /** {@code server.max-body-size}, 10MB unless set: larger request bodies get 413. */
    public static long maxBodySize(Config c) {
        return c.getBytes("server.max-body-size", 10L * 1024 * 1024);
    }

    private static boolean epoll(Config c) {
        return c.getChoice("server.transport", "nio", "nio", "epoll").equals("epoll");
    }
}
