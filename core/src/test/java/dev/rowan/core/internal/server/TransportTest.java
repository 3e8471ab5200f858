package dev.rowan.core.internal.server;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    @Test
    void epollWhereItCannotLoadStopsTheStartWithE013() throws Exception {
        // Once loaded, epoll cannot be unloaded in this JVM: a child JVM with Netty's native transports
        // switched off stands in for a machine without epoll (macOS, Windows, another CPU).
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dio.netty.transport.noNative=true", "-cp", System.getProperty("java.class.path"), StartWithEpoll.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(StartWithEpoll.REFUSED);
        assertThat(output).contains("core.E013").contains("server.transport=epoll").contains("Remove the setting");
    }

    /** The child JVM of the test above: starts an app on epoll and reports how the start ended. */
    static final class StartWithEpoll {
        static final int REFUSED = 3;

        public static void main(String[] args) {
            App app = App.create(Config.of(Map.of("server.transport", "epoll"))).get("/", ctx -> ctx.text("ok"));
            try {
                app.start(0);
            } catch (Config.ConfigException e) {
                System.out.println(e.getMessage());
                System.exit(REFUSED);
            }
            app.stop();
            System.exit(0);
        }
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
