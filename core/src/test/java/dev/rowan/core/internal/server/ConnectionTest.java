package dev.rowan.core.internal.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keep-alive, pipelining, {@code Connection: close}, HTTP/1.0, 100-continue and request-target forms. */
class ConnectionTest extends SmugglingGuard {

    @Test
    void connectionCloseIsHonouredAndWhatFollowsIsNeverAnswered() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("GET /x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n" + SMUGGLED).read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.says("close")).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void connectionCloseWithABodyEndsAfterTheBody() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("POST /echo HTTP/1.1\r\nHost: a\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello" + SMUGGLED).read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hello");
            assertThat(r.says("close")).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void connectionCloseInTheMiddleOfAPipelineEndsIt() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.send("GET /n/1 HTTP/1.1\r\nHost: a\r\n\r\nGET /n/2 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n" + SMUGGLED + SMUGGLED);
            assertThat(c.read().text()).isEqualTo("n1");
            var second = c.read();
            assertThat(second.text()).isEqualTo("n2");
            assertThat(second.says("close")).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void http10WithoutKeepAliveCloses() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("GET /x HTTP/1.0\r\nHost: a\r\n\r\n" + SMUGGLED).read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("x");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void http10WithKeepAliveStaysOpen() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("GET /x HTTP/1.0\r\nHost: a\r\nConnection: keep-alive\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.says("keep-alive")).isTrue();
            var again = c.send("GET /n/7 HTTP/1.0\r\nHost: a\r\nConnection: keep-alive\r\n\r\n").read();
            assertThat(again.text()).isEqualTo("n7");
        }
    }

    @Test
    void http10StreamingEndsWithTheConnectionInsteadOfChunks() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("GET /stream?size=1000 HTTP/1.0\r\nHost: a\r\nConnection: keep-alive\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("transfer-encoding")).isEmpty();
            assertThat(r.body()).hasSize(1000);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        var sb = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            sb.append("GET /n/").append(i).append(" HTTP/1.1\r\nHost: a\r\n\r\n");
        }
        try (RawClient c = RawClient.connect(server.port())) {
            c.send(sb.toString());
            for (int i = 1; i <= 10; i++) {
                assertThat(c.read().text()).isEqualTo("n" + i);
            }
            assertThat(c.staysOpenFor(100)).isTrue();
        }
    }

    @Test
    void pipelineMixedWithBodiesAndAFailureKeepsItsOrder() throws Exception {
        String raw = "GET /n/1 HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhello world"
                + "GET /boom HTTP/1.1\r\nHost: a\r\n\r\n"
                + "PUT /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                + "GET /slow HTTP/1.1\r\nHost: a\r\n\r\n"
                + "GET /n/6 HTTP/1.1\r\nHost: a\r\n\r\n";
        try (RawClient c = RawClient.connect(server.port())) {
            c.send(raw);
            List<String> got = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                var r = c.read();
                got.add(r.status() + " " + (r.status() == 500 ? "" : r.text()));
            }
            assertThat(got).containsExactly("200 n1", "200 hello world", "500 ", "200 abc", "200 slow done", "200 n6");
        }
    }

    @Test
    void aBlockedHandlerHoldsUpNoOtherConnection() throws Exception {
        // Requests read in the same round start together; each still gets its own thread, so one
        // that blocks must not delay the others: they are answered while it still waits.
        try (RawClient blocked = RawClient.connect(server.port()); RawClient a = RawClient.connect(server.port());
             RawClient b = RawClient.connect(server.port())) {
            blocked.send("GET /blocked HTTP/1.1\r\nHost: a\r\n\r\n");
            a.send("GET /n/1 HTTP/1.1\r\nHost: a\r\n\r\n");
            b.send("GET /n/2 HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(a.read().text()).isEqualTo("n1");
            assertThat(b.read().text()).isEqualTo("n2");
            server.release.countDown();
            assertThat(blocked.read().text()).isEqualTo("released");
        }
    }

    @Test
    void aBadRequestBehindPipelinedOnesIsAnsweredLast() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\nGET /n/2 HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab" + SMUGGLED);
            assertThat(c.read().text()).isEqualTo("slow done");
            assertThat(c.read().text()).isEqualTo("n2");
            var bad = c.read();
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.says("close")).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void manySequentialRequestsShareOneConnection() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            for (int i = 0; i < 300; i++) {
                var r = c.send("GET /n/" + i + " HTTP/1.1\r\nHost: a\r\n\r\n").read();
                assertThat(r.text()).isEqualTo("n" + i);
                assertThat(r.says("close")).isFalse();
            }
        }
    }

    @Test
    void expect100ContinueGetsContinueThenTheAnswer() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var interim = c.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n").read();
            assertThat(interim.status()).isEqualTo(100);
            var r = c.send("hello").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hello");
            assertThat(c.send("GET /x HTTP/1.1\r\nHost: a\r\n\r\n").read().text()).isEqualTo("x");
        }
    }

    @Test
    void expect100ContinueIsNotSentWhenTheBodyIsRefusedByItsSize() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\nExpect: 100-continue\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void unknownMethodIs501() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("BREW /x HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(501);
        }
    }

    @Test
    void absoluteFormTargetIsRoutedByItsPath() throws Exception {
        var r = RawClient.exchange(server.port(), "GET http://localhost/x HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("x");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HTTP://a/x", "Http://a/x", "hTTpS://a/x", "http://A/x", "http://a:8080/x", "http://a./x"})
    void absoluteFormMatchesTheSchemeInAnyCase(String target) throws Exception {
        var r = RawClient.exchange(server.port(), "GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("x");
    }

    @Test
    void absoluteFormWithoutAPathIsTheRoot() throws Exception {
        var r = RawClient.exchange(server.port(), "GET http://a?q=1 HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(r.status()).as(r.text()).isEqualTo(404);
        assertThat(r.text()).contains("There is no page at /.");
    }

    @Test
    void absoluteFormNamesTheHostAndTheHostHeaderIsIgnored() throws Exception {
        // RFC 9112 §3.2.2: the target's authority wins over the Host header.
        var r = RawClient.exchange(server.port(), "GET http://b:81/host HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("b http://b:81");
    }

    @Test
    void http10WithoutHostIsServedForTheDefaultHost() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("GET /host HTTP/1.0\r\n\r\n" + SMUGGLED).read();
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            // The test profile allows every host ("*"), whose default host is localhost.
            assertThat(r.text()).isEqualTo("localhost http://localhost");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HTTP/1.2", "HTTP/1.5", "HTTP/1.9"})
    void laterHttp1MinorVersionsAreServedAsHttp11(String version) throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("GET /n/1 " + version + "\r\nHost: a\r\n\r\n").read();
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.version()).isEqualTo("HTTP/1.1");
            assertThat(r.says("close")).as("keep-alive is the default, as in 1.1").isFalse();
            var chunked = c.send("POST /echo " + version + "\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n").read();
            assertThat(chunked.text()).isEqualTo("hello");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a:8080", "a:", "a.", "A.:80", "127.0.0.1:1", "[::1]:65535", "[::1]", "xn--bcher-kva.example", "a_b.c-d"})
    void validHostsAreServed(String host) throws Exception {
        var r = RawClient.exchange(server.port(), "GET /x HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    @Test
    void aTrailingDotIsNotPartOfTheHostName() throws Exception {
        var r = RawClient.exchange(server.port(), "GET /host HTTP/1.1\r\nHost: Example.COM.:8080\r\n\r\n");
        assertThat(r.text()).isEqualTo("example.com http://Example.COM.:8080");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/a/b;c=d/e", "/a?x=1&y=[2]&z=/?", "/!$&'()*+,;=:@-._~", "/%41%2a?q=%7B%7d",
            "/a?f={%22a%22:1}", "/a?q=a|b^c`d\\e{f}"})
    void targetsWithinRfc3986AndWhatBrowsersSendInQueriesAreServed(String target) throws Exception {
        var r = RawClient.exchange(server.port(), "GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(r.status()).as(r.text()).isIn(200, 404);
        assertThat(r.text()).doesNotContain("target");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chunked, ,", ", chunked", " , , chunked , ", "chunked,,", "CHUNKED ,"})
    void emptyTransferEncodingElementsAreIgnored(String te) throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: " + te + "\r\n\r\n5\r\nhello\r\n0\r\n\r\n").read();
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hello");
            assertThat(c.send("GET /x HTTP/1.1\r\nHost: a\r\n\r\n").read().text()).isEqualTo("x");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {", close", "close, ,", ",,close", "keep-alive, , close"})
    void emptyConnectionElementsAreIgnored(String connection) throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("GET /x HTTP/1.1\r\nHost: a\r\nConnection: " + connection + "\r\n\r\n" + SMUGGLED).read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.says("close")).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void emptyConnectionElementsAroundKeepAliveKeepHttp10Open() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("GET /x HTTP/1.0\r\nHost: a\r\nConnection: , keep-alive,\r\n\r\n").read();
            assertThat(r.says("keep-alive")).isTrue();
            assertThat(c.send("GET /n/2 HTTP/1.0\r\nHost: a\r\nConnection: keep-alive\r\n\r\n").read().text()).isEqualTo("n2");
        }
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("HEAD /x HTTP/1.1\r\nHost: a\r\n\r\n").readHead();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-length")).contains("1");
            assertThat(c.send("GET /n/3 HTTP/1.1\r\nHost: a\r\n\r\n").read().text()).isEqualTo("n3");
        }
    }

    @Test
    void aLargeBodyTheHandlerDoesNotReadIsNotParsedAsRequests() throws Exception {
        try (TestServer big = TestServer.start(java.util.Map.of("server.max-body-size", "32MB"))) {
            int size = 8 * 1024 * 1024;
            byte[] body = new byte[size];
            byte[] smuggled = SMUGGLED.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i + smuggled.length <= size; i += smuggled.length) {
                System.arraycopy(smuggled, 0, body, i, smuggled.length);
            }
            try (RawClient c = RawClient.connect(big.port())) {
                c.send("POST /ignore HTTP/1.1\r\nHost: a\r\nContent-Length: " + size + "\r\n\r\n");
                Thread writer = Thread.ofVirtual().start(() -> {
                    try {
                        c.output().write(body);
                        c.output().flush();
                    } catch (java.io.IOException expected) {
                        // the server may close before the whole body went out
                    }
                });
                var r = c.read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("ignored");
                assertThat(r.says("close")).isTrue();
                assertThat(c.closedByServer()).isTrue();
                c.close();
                writer.join();
            }
            assertThat(big.smuggled.get()).isZero();
        }
    }
}
