package dev.rowan.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code server.trust-proxy}: behind a proxy, the client's address and scheme are the ones the
 * proxy forwarded (the last element of X-Forwarded-For / -Proto, the one the proxy wrote); without
 * it, forwarded headers are the client's words and change nothing.
 */
class TrustProxyTest {
    private App app;

    @AfterEach
    void stop() {
        app.stop();
    }

    private LocalHttp start(boolean trustProxy) {
        app = App.create(Config.of(Map.of("server.trust-proxy", String.valueOf(trustProxy))))
                .get("/who", ctx -> ctx.text(ctx.clientAddress().getHostAddress() + " " + ctx.scheme() + " " + ctx.origin()));
        app.start(0);
        return new LocalHttp(app);
    }

    private String who(LocalHttp http, String... headers) throws Exception {
        return http.get("/who", headers).body();
    }

    @Test
    void withoutTrustProxyTheForwardedHeadersAreIgnored() throws Exception {
        try (LocalHttp http = start(false)) {
            assertThat(who(http, "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https"))
                    .startsWith("127.0.0.1 http http://");
        }
    }

    @Test
    void behindATrustedProxyTheLastForwardedAddressIsTheClient() throws Exception {
        try (LocalHttp http = start(true)) {
            assertThat(who(http, "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https")).startsWith("203.0.113.7 https https://");
            // nginx appends the address it saw to what the client claimed: only the last one is true.
            assertThat(who(http, "X-Forwarded-For", "198.51.100.1, 203.0.113.7")).startsWith("203.0.113.7 http ");
            assertThat(who(http, "X-Forwarded-For", "198.51.100.1", "X-Forwarded-For", "203.0.113.8")).startsWith("203.0.113.8 ");
            assertThat(who(http, "X-Forwarded-For", " 2001:db8::1 ")).startsWith("2001:db8:0:0:0:0:0:1 ");
            assertThat(who(http, "X-Forwarded-For", "[2001:db8::2]")).startsWith("2001:db8:0:0:0:0:0:2 ");
        }
    }

    @Test
    void aForwardedAddressThatIsNotAnIpLiteralFallsBackToThePeer() throws Exception {
        try (LocalHttp http = start(true)) {
            for (String junk : new String[] {"unknown", "localhost", "example.com", "1.2.3.4:80", "256.1.1.1", "1.2.3", "1.2.3.4, ", "::g"}) {
                assertThat(who(http, "X-Forwarded-For", junk)).as(junk).startsWith("127.0.0.1 ");
            }
            assertThat(who(http)).startsWith("127.0.0.1 http ");
        }
    }

    @Test
    void theForwardedSchemeIsTheLastOneAndCaseInsensitive() throws Exception {
        try (LocalHttp http = start(true)) {
            assertThat(who(http, "X-Forwarded-Proto", "HTTPS")).contains(" https ");
            assertThat(who(http, "X-Forwarded-Proto", "https, http")).contains(" http ");
            assertThat(who(http, "X-Forwarded-Proto", "http, https")).contains(" https ");
        }
    }
}
