package dev.rowan.core.internal.server;

import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/** Keep-alive, pipelining and connection handling again, on Netty's epoll transport. */
class EpollConnectionTest extends ConnectionTest {
    @BeforeAll
    static void start() { // hides SmugglingGuard.start, so only this server starts
        server = TestServer.start(Map.of("server.transport", "epoll"));
    }
}
