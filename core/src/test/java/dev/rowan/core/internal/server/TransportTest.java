package dev.rowan.core.internal.server;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code server.transport}: the JDK's NIO by default, Netty's epoll when asked for, nothing else. */
class TransportTest {
    @Test
    void nioByDefault() {
        assertThat(listeningLine(Map.of())).doesNotContain("epoll");
        assertThat(listeningLine(Map.of("server.transport", "nio"))).doesNotContain("epoll");
    }

    @Test
    void epollWhenAskedFor() {
        assumeTrue(Epoll.isAvailable(), SmugglingGuard.EPOLL_ONLY);
        assertThat(listeningLine(Map.of("server.transport", "epoll"))).endsWith("/ (epoll)");
    }

    @Test
    void anUnknownTransportStopsTheStartWithTheSettingNamed() {
        App app = App.create(Config.of(Map.of("server.transport", "io_uring")));
        assertThatThrownBy(() -> app.start(0))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("core.E012")
                .hasMessageContaining("server.transport")
                .hasMessageContaining("nio or epoll");
    }

    /** The "listening on" line App logs (at DEBUG, besides printing it) for a server started with {@code settings}. */
    private static String listeningLine(Map<String, String> settings) {
        App app = App.create(Config.of(settings)).get("/", ctx -> ctx.text("ok"));
        try (LogCapture log = LogCapture.of("rowan", Level.FINE)) {
            app.start(0);
            app.stop();
            return log.messages().stream().filter(l -> l.contains("listening on")).findFirst().orElseThrow();
        }
    }
}
