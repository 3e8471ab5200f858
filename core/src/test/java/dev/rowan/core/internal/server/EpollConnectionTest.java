package dev.rowan.core.internal.server;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Keep-alive, pipelining and connection handling again, on Netty's epoll transport. */
class EpollConnectionTest extends ConnectionTest {
    @BeforeAll
    static void start() { // hides SmugglingGuard.start, so only this server starts
        assumeTrue(Epoll.isAvailable(), EPOLL_ONLY);
        server = TestServer.start(Map.of("server.transport", "epoll"));
    }
}
