package dev.rowan.auth;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A session cookie Django 3.2 wrote is this app's session, and the cookie this app writes is Django's format. */
class DjangoSessionsTest {
    private static final String SECRET = "rowan-interop-test-secret-key-0123456789";
    private static final String DJANGO_COOKIE = ".eJxVTksKgzAQvUvWEuKoMXHZfU9QioyZSWOtCjGuSu9eAy7a1eN9eW_R455Cv28c-5FEJ0pR_GoDuomXbNATl8cq3bqkOA4yR-"
            + "TpbvK6Er8uZ_ZvIOAWjrbRGsm4xmq0rOAAao1XyqCyXpvS1qwRPFTYaGrJ1Krl2qMHbMDCkF-lwDPnIxingzqMSXS3soCiun--3SZAJQ:1xaXyP:"
            + "6AlMm9SJjsKGHz8VbwjWArXMOTC0TrsZ_SX1iW7SI-w";

    private static TestClient client() {
        // The vector is some days old: a long max age keeps it valid whenever the test runs.
        App app = App.create(Config.of(Map.of("secret.key", SECRET, "session.cookie-name", "sessionid", "session.max-age", "3650d"))
                .withProfile("test")).install(DjangoSessions.create());
        app.get("/", ctx -> ctx.text(ctx.session().get("_auth_user_id").orElse("-") + " " + ctx.session().get("theme").orElse("-")
                + " " + ctx.session().get("cart").orElse("-")));
        app.get("/light", ctx -> {
            ctx.session().put("theme", "light");
            ctx.text("ok");
        });
        return TestClient.of(app);
    }

    @Test
    void aSessionDjangoWroteIsRead() {
        var r = client().request("GET", "/").header("Cookie", "sessionid=" + DJANGO_COOKIE).send();
        assertThat(r.text()).isEqualTo("1 dark [1,2,3]");
    }

    @Test
    void theCookieWrittenIsDjangosFormatAndKeepsDjangosValuesAsTheyWere() {
        var r = client().request("GET", "/light").header("Cookie", "sessionid=" + DJANGO_COOKIE).send();
        String cookie = r.header("Set-Cookie").orElseThrow().split(";")[0].substring("sessionid=".length());

        String json = DjangoSigning.withSecret(SECRET).loads(cookie, DjangoSigning.SESSION_SALT, Duration.ofMinutes(5)).orElseThrow();
        assertThat(json).startsWith("{\"_auth_user_id\":\"1\",\"_auth_user_backend\":\"django.contrib.auth.backends.ModelBackend\"")
                .contains("\"theme\":\"light\"", "\"cart\":[1,2,3]");
        assertThat(cookie).startsWith(".").as("compressed, as Django does when it is shorter");
    }

    @Test
    void aCookieSignedWithAnotherKeyIsANewEmptySession() {
        String forged = DjangoSigning.withSecret("another-key").dumps("{\"_auth_user_id\":\"1\"}", DjangoSigning.SESSION_SALT, true);
        var r = client().request("GET", "/").header("Cookie", "sessionid=" + forged).send();
        assertThat(r.text()).isEqualTo("- - -");
    }
}
