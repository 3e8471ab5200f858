package dev.rowan.test.core;

import dev.rowan.core.App;
import dev.rowan.core.Cookie;
import dev.rowan.core.Module;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Public API pieces no larger test exercises: decimals, cookie attributes, module and route listings. */
class SmallApiTest {
    @Test
    void decimalsKeepTheirDigitsAndBadOnesAre400() {
        var client = TestClient.of(Apps.app().get("/d", ctx -> ctx.text(ctx.query("x").asDecimal().add(BigDecimal.ONE).toPlainString())));
        assertThat(client.get("/d?x=0.10").text()).isEqualTo("1.10");
        var bad = client.get("/d?x=1,5");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("must be a decimal number");
    }

    @Test
    void cookieDomainAndSecureReachTheHeader() {
        String header = Cookie.of("pref", "dark").withDomain("example.com").withSecure(true).toHeader(false);
        assertThat(header).contains("; Domain=example.com").contains("; Secure");
        assertThat(Cookie.of("pref", "dark").toHeader(false)).doesNotContain("Domain=").doesNotContain("Secure");
    }

    static final class Health implements Module {
        @Override
        public void install(App app) {
            app.get("/health", ctx -> ctx.text("ok"), "health");
        }
    }

    @Test
    void installedModulesAndRoutesCanBeListed() {
        App app = Apps.app().install(new Health()).post("/items/{id:int}/", ctx -> ctx.text("saved"));
        assertThat(app.isInstalled(Health.class)).isTrue();
        assertThat(app.isInstalled(Module.class)).isFalse();
        assertThat(app.describeRoutes()).containsExactly("GET /health  [health]", "POST /items/{id:int}/");
    }
}
