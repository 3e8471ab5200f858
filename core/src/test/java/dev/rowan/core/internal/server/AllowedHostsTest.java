package dev.rowan.core.internal.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Host a request names, checked against {@code allowed.hosts} in production over a real
 * socket: HTTP/1.0 without Host, a trailing dot, and absolute-form targets naming another host.
 */
class AllowedHostsTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("profile", "prod", "allowed.hosts", ".example.org,example.com",
                "secret.key", "k".repeat(40), "server.host", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void http10WithoutHostIsValidatedAsTheFirstAllowedHost() throws Exception {
        var r = RawClient.exchange(server.port(), "GET /host HTTP/1.0\r\n\r\n");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("example.org http://example.org");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"example.com", "example.com.", "EXAMPLE.com.:443", "example.org.", "www.example.org.", "a.b.example.org:80"})
    void aTrailingDotNamesTheSameHost(String host) throws Exception {
        var r = RawClient.exchange(server.port(), "GET /x HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"evil.com", "evil.com.", "example.com.evil.com", "notexample.org", "example.com..", "localhost"})
    void otherHostsAreRefusedWithOrWithoutTheDot(String host) throws Exception {
        var r = RawClient.exchange(server.port(), "GET /x HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void anAbsoluteFormTargetIsCheckedByItsOwnHostNotTheHostHeader() throws Exception {
        var r = RawClient.exchange(server.port(), "GET http://evil.com/host HTTP/1.1\r\nHost: example.com\r\n\r\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("evil.com").contains("allowed.hosts");
        var ok = RawClient.exchange(server.port(), "GET HTTP://www.Example.org./host HTTP/1.1\r\nHost: evil.com\r\n\r\n");
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(ok.text()).isEqualTo("www.example.org http://www.Example.org.");
    }
}
