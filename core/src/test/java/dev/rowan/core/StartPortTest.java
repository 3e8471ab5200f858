package dev.rowan.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** start() takes its port from server.port (PORT, ROWAN_SERVER_PORT); start(port) is what it says. */
class StartPortTest {
    @Test
    void startWithoutAPortListensOnThePortTheEnvironmentNames() throws IOException {
        int port = freePort();
        App app = App.create(Config.load(Map.of("PORT", String.valueOf(port)), new Properties())).get("/", ctx -> ctx.text("ok"));
        try {
            assertThat(app.start().port()).isEqualTo(port);
        } finally {
            app.stop();
        }
    }

    @Test
    void theRowanVariableWinsOverPort() throws IOException {
        int port = freePort();
        App app = App.create(Config.load(Map.of("PORT", "1", "ROWAN_SERVER_PORT", String.valueOf(port)), new Properties()));
        try {
            assertThat(app.start().port()).isEqualTo(port);
        } finally {
            app.stop();
        }
    }

    @Test
    void anExplicitPortIgnoresTheSetting() throws IOException {
        int taken = freePort();
        App app = App.create(Config.of(Map.of("server.port", String.valueOf(taken))));
        try {
            assertThat(app.start(0).port()).isNotEqualTo(taken).isPositive();
        } finally {
            app.stop();
        }
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
