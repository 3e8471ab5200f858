package dev.rowan.core.internal;

import dev.rowan.core.Config;

import java.time.Duration;

/**
 * Engine settings read once from config. {@code trackBufferLeaks}: the engine samples its buffers
 * for leaks (with a stack trace each) outside production, where a leak in Rowan's engine should
 * show up in tests; production does not pay for it. {@code epoll}: Netty's native epoll transport
 * instead of the JDK's NIO (see docs/decisions/http-engine.md for why NIO is the default).
 */
public record ServerSettings(String host, int port, int ioThreads, int maxInitialLineLength, int maxHeaderSize,
                             long maxBodySize, Duration idleTimeout, boolean trackBufferLeaks, boolean epoll) {

    static ServerSettings from(Config c, int port) {
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
                epoll(c));
    }

    /** {@code server.max-body-size}, 10MB unless set: larger request bodies get 413. */
    public static long maxBodySize(Config c) {
        return c.getBytes("server.max-body-size", 10L * 1024 * 1024);
    }

    private static boolean epoll(Config c) {
        return c.getChoice("server.transport", "nio", "nio", "epoll").equals("epoll");
    }
}
