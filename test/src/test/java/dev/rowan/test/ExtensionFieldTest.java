package dev.rowan.test;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@RowanTest
class ExtensionFieldTest {
    static final App APP = App.create(Config.of(Map.of())).get("/", ctx -> ctx.text("Hello, Rowan"));

    @Test
    void usesTheOnlyAppField(TestClient client) {
        assertThat(client.app()).isSameAs(APP);
        assertThat(client.get("/").text()).isEqualTo("Hello, Rowan");
    }
}
