package dev.rowan.core.internal.server;

import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/** The whole request-smuggling corpus again, on Netty's epoll transport ({@code server.transport=epoll}). */
class EpollFramingTest extends FramingTest {
    @BeforeAll
    static void start() { // hides SmugglingGuard.start, so only this server starts
        server = TestServer.start(Map.of("server.transport", "epoll"));
    }
}
