package dev.rowan.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** core.W005: a ROWAN_ variable that names no declared setting is reported with the nearest key. */
class UnknownEnvironmentVariableTest {
    private static List<Check.Result> checks(App app) {
        return app.runChecks().stream().filter(r -> r.id().equals("core.W005")).toList();
    }

    private static App appWithEnvironment(Map<String, String> env) {
        return App.create(Config.load(env, new Properties()));
    }

    @Test
    void aMisspeltVariableIsAWarningNamingTheNearestSetting() {
        List<Check.Result> found = checks(appWithEnvironment(Map.of("ROWAN_SERVER_MAX_BODYSIZE", "1MB")));
        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.severity()).isEqualTo(Check.Result.Severity.WARNING);
            assertThat(r.message()).contains("ROWAN_SERVER_MAX_BODYSIZE", "server.max-body-size", "ROWAN_SERVER_MAX_BODY_SIZE");
        });
    }

    @Test
    void declaredSettingsInAnySpellingAreNotReported() {
        App app = appWithEnvironment(Map.of("ROWAN_SERVER_MAX_BODY_SIZE", "1MB", "ROWAN_SERVER_TRUST_PROXY", "true",
                "ROWAN_RELOAD", "false", "ROWAN_PROFILE", "dev", Dev.CHILD_MARKER, "1"));
        assertThat(checks(app)).isEmpty();
    }

    @Test
    void aModulesDeclarationsCountAsSoonAsItIsInstalled() {
        App app = appWithEnvironment(Map.of("ROWAN_MAIL_HOST", "smtp.example.com", "ROWAN_MAIL_PORTT", "25",
                "ROWAN_DATABASE_ANALYTICS_URL", "sqlite:a.db"));
        app.install(a -> a.declare(
                Setting.of("mail.host", Setting.Type.TEXT, "localhost", "The SMTP server."),
                Setting.of("mail.port", Setting.Type.INTEGER, "25", "The SMTP port."),
                Setting.of("database.<alias>.url", Setting.Type.URL, "", "Another database.")));
        assertThat(checks(app)).singleElement().satisfies(r -> assertThat(r.message()).contains("ROWAN_MAIL_PORTT", "mail.port"));
    }

    @Test
    void aConfigMadeInCodeHasNoVariablesToReport() {
        assertThat(checks(App.create(Config.of(Map.of("server.max-bodysize", "1MB"))))).isEmpty();
    }
}
