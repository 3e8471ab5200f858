package dev.rowan.core.internal.server;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code server.transport}: the JDK's NIO by default, Netty's epoll when asked for, nothing else. */
class TransportTest {
    @Test
    void nioByDefaultAndEpollWhenAskedFor() {
        assertThat(listeningLine(Map.of())).doesNotContain("epoll");
        assertThat(listeningLine(Map.of("server.transport", "nio"))).doesNotContain("epoll");
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
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jul = Logger.getLogger("rowan");
        Level before = jul.getLevel();
        jul.setLevel(Level.FINE);
        jul.addHandler(capture);
        App app = App.create(Config.of(settings)).get("/", ctx -> ctx.text("ok"));
        try {
            app.start(0);
        } finally {
            app.stop();
            jul.removeHandler(capture);
            jul.setLevel(before);
        }
        return lines.stream().filter(l -> l.contains("listening on")).findFirst().orElseThrow();
    }
}
