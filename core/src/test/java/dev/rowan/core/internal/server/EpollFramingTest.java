package dev.rowan.core.internal.server;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The whole request-smuggling corpus again, on Netty's epoll transport ({@code server.transport=epoll}). */
class EpollFramingTest extends FramingTest {
    @BeforeAll
    static void start() { // hides SmugglingGuard.start, so only this server starts
        assumeTrue(Epoll.isAvailable(), EPOLL_ONLY);
        server = TestServer.start(Map.of("server.transport", "epoll"));
    }
}
