package dev.rowan.core.internal.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the raw-socket suites: one {@link TestServer} per class, and after every test the check
 * that no request hidden in the bytes ({@link #SMUGGLED}) was ever answered.
 */
abstract class SmugglingGuard {
    static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n";
    /** Why the epoll copies of the suites skip on macOS, Windows and CPUs without Netty's native jar. */
    static final String EPOLL_ONLY = "Netty's epoll transport cannot load here (it needs Linux); the same suite ran on NIO.";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) { // null when a subclass's start was skipped
            server.close();
            server = null;
        }
    }

    @BeforeEach
    void resetCount() {
        server.smuggled.set(0);
    }

    @AfterEach
    void nothingSmuggled() {
        assertThat(server.smuggled.get()).as("requests answered from bytes after the connection should have ended").isZero();
    }
}
