package dev.rowan.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys match the relaxed way in every source: dots, dashes and underscores alike, case ignored. */
class RelaxedConfigTest {
    private static Config fromEnvironment(Map<String, String> env) {
        return Config.load(env, new Properties());
    }

    @Test
    void everyHyphenatedKeyCanBeSetFromTheEnvironment() {
        Config c = fromEnvironment(Map.of(
                "ROWAN_SERVER_MAX_BODY_SIZE", "1MB",
                "ROWAN_SERVER_TRUST_PROXY", "true",
                "ROWAN_MONGODB_EMBEDDED_FILE", "/tmp/notes.mv",
                "ROWAN_INFOBOARD_UPSTREAM_URL", "https://rates.example.com/v1",
                "ROWAN_SERVER_PORT", "9001"));
        assertThat(c.getBytes("server.max-body-size", 0)).isEqualTo(1024 * 1024);
        assertThat(c.getBoolean("server.trust-proxy", false)).isTrue();
        assertThat(c.get("mongodb.embedded-file")).contains("/tmp/notes.mv");
        assertThat(c.get("infoboard.upstream-url")).contains("https://rates.example.com/v1");
        assertThat(c.getInt("server.port", 8000)).isEqualTo(9001);
    }

    @Test
    void theConventionalNamesStillWorkAndYieldToRowanOnes() {
        Config plain = fromEnvironment(Map.of("PORT", "9002", "DATABASE_URL", "sqlite:x.db", "SECRET_KEY", "k"));
        assertThat(plain.getInt("server.port", 8000)).isEqualTo(9002);
        assertThat(plain.get("database.url")).contains("sqlite:x.db");
        assertThat(plain.get("secret.key")).contains("k");
        Config both = fromEnvironment(Map.of("PORT", "9002", "ROWAN_SERVER_PORT", "9003"));
        assertThat(both.getInt("server.port", 8000)).isEqualTo(9003);
    }

    @Test
    void systemPropertiesAndCodeMatchRelaxedAndTheLaterSourceWins() {
        var sys = new Properties();
        sys.setProperty("server.max_body_size", "3MB");
        sys.setProperty("rowan.SERVER.IDLE-TIMEOUT", "5s");
        Config c = Config.load(Map.of("ROWAN_SERVER_MAX_BODY_SIZE", "1MB"), sys);
        assertThat(c.getBytes("server.max-body-size", 0)).isEqualTo(3L * 1024 * 1024);
        assertThat(c.getDuration("server.idle-timeout", null)).hasSeconds(5);
        Config changed = c.with("SERVER_MAX_BODY_SIZE", "4MB");
        assertThat(changed.getBytes("server.max-body-size", 0)).isEqualTo(4L * 1024 * 1024);
        assertThat(changed.asMap().keySet()).filteredOn(k -> k.toLowerCase().contains("body")).hasSize(1);
    }

    @Test
    void oneSettingHasOneEntryWhateverItsSpelling() {
        Config c = Config.of(Map.of("server.max-body-size", "1MB", "mongodb.embedded_file", "a.mv"))
                .with("SERVER_MAX_BODY_SIZE", "2MB");
        assertThat(c.asMap()).containsEntry("SERVER_MAX_BODY_SIZE", "2MB").doesNotContainKey("server.max-body-size");
        assertThat(c.get("MongoDB.Embedded-File")).contains("a.mv");
        assertThat(c.withDefault("mongodb.embedded-file", "b.mv").get("mongodb.embedded-file")).contains("a.mv");
    }

    @Test
    void theConfigRemembersWhichRowanVariablesItRead() {
        Config c = fromEnvironment(Map.of("ROWAN_PROFILE", "dev", "ROWAN_SERVER_PORT", "9001", "HOME", "/root", "PORT", "1"));
        assertThat(c.environmentVariables()).containsExactly("ROWAN_SERVER_PORT");
        assertThat(Config.of(Map.of("server.port", "1")).environmentVariables()).isEmpty();
    }

    @Test
    void aDeclaredSettingMatchesEverySpellingOfItsKey() {
        Setting size = Setting.of("server.max-body-size", Setting.Type.SIZE, "10MB", "Larger bodies get 413.");
        assertThat(List.of("server.max-body-size", "SERVER_MAX_BODY_SIZE", "server.max.body.size")).allMatch(size::matches);
        assertThat(size.matches("server.max-bodysize")).isFalse();
        assertThat(size.environmentName()).isEqualTo("ROWAN_SERVER_MAX_BODY_SIZE");
        Setting alias = Setting.of("database.<alias>.url", Setting.Type.URL, "", "Another database.");
        assertThat(alias.matches("DATABASE_ANALYTICS_URL")).isTrue();
        assertThat(alias.matches("DATABASE_URL")).isFalse();
    }
}
