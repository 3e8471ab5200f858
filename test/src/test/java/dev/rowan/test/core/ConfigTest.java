package dev.rowan.test.core;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {
    @Test
    void propertiesThenProfileFileThenEnvironment() {
        Config c = Config.load();
        assertThat(c.profile()).isEqualTo("test");
        assertThat(c.get("greeting.only-base")).contains("base");
        assertThat(c.get("greeting.text")).contains("from test profile file");
        assertThat(c.get("greeting.from.env")).contains("from env");
        assertThat(c.getInt("server.port", 8000)).isEqualTo(8123);
        assertThat(Config.envName("server.max-body-size")).isEqualTo("ROWAN_SERVER_MAX_BODY_SIZE");
    }

    @Test
    void withReplacesOneSettingInACopy() {
        Config base = Config.of(Map.of("a", "1"));
        Config changed = base.with("a", "2").with("timeout", "5m");
        assertThat(base.get("a")).contains("1");
        assertThat(changed.getInt("a", 0)).isEqualTo(2);
        assertThat(changed.getDuration("timeout", Duration.ZERO)).isEqualTo(Duration.ofMinutes(5));
        assertThat(changed.withProfile("prod").isProduction()).isTrue();
    }

    @Test
    void withDefaultFillsOnlyWhatIsUnset() {
        Config c = Config.of(Map.of("a", "1")).withDefault("a", "2").withDefault("b", "3");
        assertThat(c.get("a")).contains("1");
        assertThat(c.get("b")).contains("3");
    }

    @Test
    void typedGettersExplainBadValues() {
        Config c = Config.of(Map.of("port", "eighty", "size", "10MB", "list", "a, b,,c"));
        assertThatThrownBy(() -> c.getInt("port", 1)).hasMessageContaining("core.E012").hasMessageContaining("'port' must be a whole number, but is 'eighty'");
        assertThat(c.getBytes("size", 0)).isEqualTo(10L * 1024 * 1024);
        assertThat(c.getList("list")).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> c.require("database.url")).hasMessageContaining("core.E010").hasMessageContaining("ROWAN_DATABASE_URL");
    }

    @Test
    void aChoiceIsOneOfItsWords() {
        Config c = Config.of(Map.of("mode", "fast", "other", "Fast"));
        assertThat(c.getChoice("mode", "safe", "safe", "fast")).isEqualTo("fast");
        assertThat(c.getChoice("unset", "safe", "safe", "fast")).isEqualTo("safe");
        assertThatThrownBy(() -> c.getChoice("other", "safe", "safe", "fast"))
                .hasMessageContaining("core.E012").hasMessageContaining("'other' must be safe or fast, but is 'Fast'");
    }

    @Test
    void settingsReachTheApp() {
        App app = App.create(Config.load().with("security.frame-options", "SAMEORIGIN")).get("/", ctx -> ctx.text(ctx.app().config().get("greeting.text", "")));
        var res = TestClient.of(app).get("/");
        assertThat(res.text()).isEqualTo("from test profile file");
        assertThat(res.header("X-Frame-Options")).contains("SAMEORIGIN");
    }
}
