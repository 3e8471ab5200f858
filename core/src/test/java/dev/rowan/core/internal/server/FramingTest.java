package dev.rowan.core.internal.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The request-smuggling corpus (RFC 9112 §6, §7). Every malformed request carries a second request
 * for {@code /smuggled} after it, in the body or right behind it: the server must answer the first
 * with the expected 4xx/5xx, close, and never answer the second.
 */
class FramingTest extends SmugglingGuard {

    static Stream<Arguments> contentLengthWithTransferEncoding() {
        String body = "0\r\n\r\n" + SMUGGLED;
        return Stream.of(
                arguments("CL first", "Content-Length: " + body.length() + "\r\nTransfer-Encoding: chunked\r\n"),
                arguments("TE first", "Transfer-Encoding: chunked\r\nContent-Length: " + body.length() + "\r\n"),
                arguments("CL 0 (body is the smuggled request)", "Content-Length: 0\r\nTransfer-Encoding: chunked\r\n"),
                arguments("CL 5 (only the last chunk)", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"),
                arguments("lower-case names, upper-case value", "content-length: 5\r\ntransfer-encoding: CHUNKED\r\n"),
                arguments("mixed-case value", "Transfer-Encoding: ChUnKeD\r\nContent-Length: 5\r\n"),
                arguments("tab before value", "Content-Length: 5\r\nTransfer-Encoding:\tchunked\r\n"),
                arguments("x-chunked with CL", "Content-Length: 5\r\nTransfer-Encoding: x-chunked\r\n"),
                arguments("gzip, chunked with CL", "Content-Length: 5\r\nTransfer-Encoding: gzip, chunked\r\n"),
                arguments("identity with CL", "Content-Length: 5\r\nTransfer-Encoding: identity\r\n"),
                arguments("two TE headers with CL", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void contentLengthWithTransferEncoding(String name, String headers) throws Exception {
        assertRejected(contentLengthWithTransferEncodingRequest(headers), 400);
    }

    static String contentLengthWithTransferEncodingRequest(String headers) {
        return "POST /echo HTTP/1.1\r\nHost: a\r\n" + headers + "\r\n" + "0\r\n\r\n" + SMUGGLED + SMUGGLED;
    }

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                arguments("two different Content-Lengths", "Content-Length: 5\r\nContent-Length: 6\r\n", 400),
                arguments("Content-Length list", "Content-Length: 5, 6\r\n", 400),
                arguments("Content-Length 2^64+5 (wraps to 5)", "Content-Length: 18446744073709551621\r\n", 400),
                arguments("Content-Length 2^63 (overflows long)", "Content-Length: 9223372036854775808\r\n", 400),
                arguments("negative Content-Length", "Content-Length: -5\r\n", 400),
                arguments("plus-signed Content-Length", "Content-Length: +5\r\n", 400),
                arguments("hex Content-Length", "Content-Length: 0x5\r\n", 400),
                arguments("non-numeric Content-Length", "Content-Length: five\r\n", 400),
                arguments("empty Content-Length", "Content-Length: \r\n", 400),
                arguments("space before colon (CL)", "Content-Length : 5\r\n", 400),
                arguments("space before colon (TE)", "Transfer-Encoding : chunked\r\n", 400),
                arguments("tab before colon", "Content-Length\t: 5\r\n", 400),
                arguments("obs-fold", "X-Folded: a\r\n b\r\n", 400),
                arguments("obs-fold of Transfer-Encoding", "Transfer-Encoding:\r\n chunked\r\n", 400),
                arguments("obs-fold with tab", "X-Folded: a\r\n\tb\r\n", 400),
                arguments("whitespace line before first header", " X-Lead: a\r\n", 400),
                arguments("NUL in a header value", "X-Nul: a\0b\r\n", 400),
                arguments("CR in a header value", "X-Cr: a\rb\r\n", 400),
                arguments("bare LF after a header", "X-Lf: a\nX-Other: b\r\n", 400),
                arguments("header without colon", "NoColon\r\n", 400),
                arguments("space in header name", "Bad Name: x\r\n", 400),
                arguments("two Host headers", "Host: b\r\n", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badHeaders(String name, String headers, int status) throws Exception {
        assertRejected(badHeadersRequest(headers), status);
    }

    static String badHeadersRequest(String headers) {
        return "POST /echo HTTP/1.1\r\nHost: a\r\n" + headers + "\r\nhello" + SMUGGLED;
    }

    static Stream<Arguments> badTransferEncodings() {
        String body = "5\r\nhello\r\n0\r\n\r\n";
        return Stream.of(
                arguments("x-chunked", "HTTP/1.1", "Transfer-Encoding: x-chunked\r\n", body, 400),
                arguments("identity", "HTTP/1.1", "Transfer-Encoding: identity\r\n", body, 400),
                arguments("chunked, identity (chunked not last)", "HTTP/1.1", "Transfer-Encoding: chunked, identity\r\n", body, 400),
                arguments("chunked, chunked", "HTTP/1.1", "Transfer-Encoding: chunked, chunked\r\n", body, 400),
                arguments("gzip, chunked (coding not supported)", "HTTP/1.1", "Transfer-Encoding: gzip, chunked\r\n", body, 501),
                arguments("duplicated TE header", "HTTP/1.1", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", body, 400),
                arguments("TE in HTTP/1.0", "HTTP/1.0", "Transfer-Encoding: chunked\r\n", body, 400),
                arguments("chunk size with junk", "HTTP/1.1", "Transfer-Encoding: chunked\r\n", "5x\r\nhello\r\n0\r\n\r\n", 400),
                arguments("chunk size with trailing space", "HTTP/1.1", "Transfer-Encoding: chunked\r\n", "5 \r\nhello\r\n0\r\n\r\n", 400),
                arguments("chunk size with leading space", "HTTP/1.1", "Transfer-Encoding: chunked\r\n", " 5\r\nhello\r\n0\r\n\r\n", 400),
                arguments("chunk size 0x prefix", "HTTP/1.1", "Transfer-Encoding: chunked\r\n", "0x5\r\nhello\r\n0\r\n\r\n", 400),
                arguments("chunk size 2^32+10 (wraps to 10)", "HTTP/1.1", "Transfer-Encoding: chunked\r\n",
                        "100000000a\r\n" + SMUGGLED.substring(0, 10) + "\r\n0\r\n\r\n", 400),
                arguments("chunk size ffffffffffffffffff", "HTTP/1.1", "Transfer-Encoding: chunked\r\n", "ffffffffffffffffff\r\nhello\r\n0\r\n\r\n", 400),
                arguments("chunk size 2^64+5", "HTTP/1.1", "Transfer-Encoding: chunked\r\n", "10000000000000005\r\nhello\r\n0\r\n\r\n", 400),
                arguments("empty chunk size", "HTTP/1.1", "Transfer-Encoding: chunked\r\n", "\r\nhello\r\n0\r\n\r\n", 400),
                arguments("missing CRLF after chunk data", "HTTP/1.1", "Transfer-Encoding: chunked\r\n", "5\r\nhelloXX0\r\n\r\n", 400),
                arguments("LF only after chunk data", "HTTP/1.1", "Transfer-Encoding: chunked\r\n", "5\r\nhello\n0\r\n\r\n", 400),
                arguments("bad chunk extension", "HTTP/1.1", "Transfer-Encoding: chunked\r\n", "5;a\0b\r\nhello\r\n0\r\n\r\n", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badTransferEncodings(String name, String version, String headers, String body, int status) throws Exception {
        assertRejected(transferEncodingRequest(version, headers, body), status);
    }

    static String transferEncodingRequest(String version, String headers, String body) {
        return "POST /echo " + version + "\r\nHost: a\r\n" + headers + "\r\n" + body + SMUGGLED;
    }

    static Stream<Arguments> badRequestLines() {
        return Stream.of(
                arguments("bare LF line endings", "GET /x HTTP/1.1\nHost: a\n\n", 400),
                arguments("bare LF after request line", "GET /x HTTP/1.1\nHost: a\r\n\r\n", 400),
                arguments("HTTP/1.1 without Host", "GET /x HTTP/1.1\r\n\r\n", 400),
                arguments("unknown version", "GET /x HTTP/3.7\r\nHost: a\r\n\r\n", 505),
                arguments("garbage request line", "HELLO\r\nHost: a\r\n\r\n", 400),
                arguments("NUL in target", "GET /x\0y HTTP/1.1\r\nHost: a\r\n\r\n", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badRequestLines(String name, String request, int status) throws Exception {
        assertRejected(request + SMUGGLED, status);
    }

    static Stream<Arguments> badVersions() {
        return Stream.of(
                arguments("HTTP/2.0 in a text request line", "HTTP/2.0", 505),
                arguments("HTTP/0.9", "HTTP/0.9", 505),
                arguments("HTTP/3.7", "HTTP/3.7", 505),
                arguments("lower-case protocol name", "http/1.1", 400),
                arguments("two-digit minor version", "HTTP/1.10", 400),
                arguments("no minor version", "HTTP/1", 400),
                arguments("leading zero in the major version", "HTTP/01.1", 400),
                arguments("another protocol", "ICE/1.1", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badVersions(String name, String version, int status) throws Exception {
        assertRejected(badVersionRequest(version), status);
    }

    static String badVersionRequest(String version) {
        return "GET /x " + version + "\r\nHost: a\r\n\r\n" + SMUGGLED;
    }

    @Test
    void http12StillNeedsAHost() throws Exception {
        assertRejected(HTTP_1_2_WITHOUT_HOST, 400);
    }

    static Stream<Arguments> badHosts() {
        return Stream.of(
                arguments("non-numeric port", "a:http"),
                arguments("port 65536", "a:65536"),
                arguments("port 0", "a:0"),
                arguments("port with 20 digits", "a:80000000000000000080"),
                arguments("signed port", "a:+80"),
                arguments("two ports", "a:80:81"),
                arguments("port only", ":80"),
                arguments("empty", ""),
                arguments("space inside", "a b"),
                arguments("userinfo", "user@a"),
                arguments("two trailing dots", "a.."),
                arguments("only a dot", "."),
                arguments("empty label", "a..b"),
                arguments("IPv6 literal without the closing bracket", "[::1"),
                arguments("IPv6 literal with junk after it", "[::1]x"),
                arguments("IPv6 literal with a bad port", "[::1]:99999"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badHosts(String name, String host) throws Exception {
        assertRejected(badHostRequest(host), 400, "Host");
    }

    static String badHostRequest(String host) {
        return "GET /x HTTP/1.1\r\nHost: " + host + "\r\n\r\n" + SMUGGLED;
    }

    static Stream<Arguments> badAbsoluteForms() {
        return Stream.of(
                arguments("userinfo", "http://user@a/x"),
                arguments("userinfo with a password", "http://user:secret@a/x"),
                arguments("userinfo, upper-case scheme", "HTTP://user@a/x"),
                arguments("empty host", "http:///x"),
                arguments("non-numeric port", "http://a:b/x"),
                arguments("port out of range", "http://a:65536/x"),
                arguments("another scheme", "ftp://a/x"),
                arguments("scheme without //", "http:a/x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badAbsoluteForms(String name, String target) throws Exception {
        assertRejected(targetRequest(target), 400, "target");
    }

    static String targetRequest(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n" + SMUGGLED;
    }

    static Stream<Arguments> badTargets() {
        return Stream.of(
                arguments("double quote", "/a\"b"),
                arguments("less-than", "/a<b"),
                arguments("greater-than", "/a>b"),
                arguments("backslash", "/a\\b"),
                arguments("opening brace", "/a{b"),
                arguments("closing brace", "/a}b"),
                arguments("caret", "/a^b"),
                arguments("backtick", "/a`b"),
                arguments("pipe", "/a|b"),
                arguments("DEL", "/a\u007fb"),
                arguments("escape character", "/a\u001bb"),
                arguments("tab", "/a\tb"),
                arguments("non-ASCII byte", "/a\u00e9b"),
                arguments("percent with non-hex digits", "/a%zzb"),
                arguments("percent with one hex digit", "/a%4"),
                arguments("trailing percent", "/a%"),
                arguments("bad percent escape in the query", "/a?q=%zz"),
                arguments("trailing percent in the query", "/a?q=100%"),
                arguments("double quote in the query", "/a?q=\"b\""),
                arguments("less-than in the query", "/a?q=<b>"),
                arguments("fragment", "/a#top"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badTargets(String name, String target) throws Exception {
        assertRejected(targetRequest(target), 400, "target");
    }

    static final String SPACE_IN_TARGET = "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n" + SMUGGLED;
    static final String HTTP_1_2_WITHOUT_HOST = "GET /x HTTP/1.2\r\n\r\n" + SMUGGLED;

    @Test
    void aSpaceInTheTargetIsABadRequestLine() throws Exception {
        assertRejected(SPACE_IN_TARGET, 400);
    }

    static Stream<Arguments> transferEncodingsWithEmptyElementsStayStrict() {
        String body = "5\r\nhello\r\n0\r\n\r\n";
        return Stream.of(
                arguments("chunked not last behind empty elements", "Transfer-Encoding: chunked, , identity\r\n", body, 400),
                arguments("chunked twice around an empty element", "Transfer-Encoding: chunked, , chunked\r\n", body, 400),
                arguments("only empty elements", "Transfer-Encoding: , ,\r\n", body, 400),
                arguments("empty elements with Content-Length", "Transfer-Encoding: chunked, ,\r\nContent-Length: 5\r\n", body, 400),
                arguments("gzip and empty elements", "Transfer-Encoding: , gzip, , chunked\r\n", body, 501));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void transferEncodingsWithEmptyElementsStayStrict(String name, String headers, String body, int status) throws Exception {
        assertRejected(transferEncodingRequest("HTTP/1.1", headers, body), status);
    }

    static final String WELL_FORMED_CHUNKED = "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n1 ;x\r\n \r\n5\r\nworld\r\n0\r\nX-Trailer: t\r\n\r\n";
    static final String SMUGGLED_AS_LENGTH_DATA = "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: " + SMUGGLED.length()
            + "\r\n\r\n" + SMUGGLED;
    static final String SMUGGLED_AS_CHUNK_DATA = "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(SMUGGLED.length()) + "\r\n" + SMUGGLED + "\r\n0\r\n\r\n";

    @Test
    void aChunkedBodyThatIsWellFormedIsDecoded() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send(WELL_FORMED_CHUNKED).read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hello world");
            assertThat(c.send("GET /x HTTP/1.1\r\nHost: a\r\n\r\n").read().text()).isEqualTo("x");
        }
    }

    @Test
    void aChunkedBodyWithTheSmuggledRequestAsDataIsJustData() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send(SMUGGLED_AS_CHUNK_DATA).read();
            assertThat(r.text()).isEqualTo(SMUGGLED);
        }
    }

    /** One request of the corpus as bytes to send, with the status Rowan answers it with directly. */
    record Case(String group, String name, String raw, int status) {
        @Override
        public String toString() {
            return group + ": " + name;
        }
    }

    /**
     * The whole corpus as raw requests, built by the same methods as the tests above, plus the
     * well-formed requests that carry the smuggled request as body data (status 200), for suites that replay it through a proxy
     * ({@link NginxFramingTest}).
     */
    static Stream<Case> corpus() {
        return Stream.of(
                contentLengthWithTransferEncoding().map(a -> of("CL with TE", a, x -> contentLengthWithTransferEncodingRequest((String) x[1]), 400)),
                badHeaders().map(a -> of("bad header", a, x -> badHeadersRequest((String) x[1]), (int) a.get()[2])),
                badTransferEncodings().map(a -> of("bad TE", a, x -> transferEncodingRequest((String) x[1], (String) x[2], (String) x[3]), (int) a.get()[4])),
                transferEncodingsWithEmptyElementsStayStrict().map(a -> of("TE with empty elements", a,
                        x -> transferEncodingRequest("HTTP/1.1", (String) x[1], (String) x[2]), (int) a.get()[3])),
                badRequestLines().map(a -> of("bad request line", a, x -> x[1] + SMUGGLED, (int) a.get()[2])),
                badVersions().map(a -> of("bad version", a, x -> badVersionRequest((String) x[1]), (int) a.get()[2])),
                badHosts().map(a -> of("bad Host", a, x -> badHostRequest((String) x[1]), 400)),
                badAbsoluteForms().map(a -> of("bad absolute form", a, x -> targetRequest((String) x[1]), 400)),
                badTargets().map(a -> of("bad target", a, x -> targetRequest((String) x[1]), 400)),
                Stream.of(new Case("bad request line", "space in the target", SPACE_IN_TARGET, 400),
                        new Case("bad request line", "HTTP/1.2 without Host", HTTP_1_2_WITHOUT_HOST, 400),
                        new Case("well-formed", "chunked with extensions and a trailer", WELL_FORMED_CHUNKED, 200),
                        new Case("well-formed", "chunked, the smuggled request as data", SMUGGLED_AS_CHUNK_DATA, 200),
                        new Case("well-formed", "Content-Length, the smuggled request as data", SMUGGLED_AS_LENGTH_DATA, 200),
                        new Case("well-formed", "a body, then a pipelined request", SMUGGLED_AS_LENGTH_DATA + "GET /x HTTP/1.1\r\nHost: a\r\n\r\n", 200)))
                .flatMap(s -> s);
    }

    private static Case of(String group, Arguments args, java.util.function.Function<Object[], String> raw, int status) {
        Object[] x = args.get();
        return new Case(group, (String) x[0], raw.apply(x), status);
    }

    /** {@link #corpus()} is what the tests above send, so a proxy suite replays the real thing. */
    @Test
    void theCorpusAsAListIsAnsweredAsTheTestsExpect() throws Exception {
        List<Case> cases = corpus().toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(121);
        for (Case c : cases) {
            assertThat(RawClient.exchange(server.port(), c.raw()).status()).as(c.toString()).isEqualTo(c.status());
        }
    }

    @Test
    void aContentLengthBodyWithTheSmuggledRequestAsDataIsJustData() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            assertThat(c.send(SMUGGLED_AS_LENGTH_DATA).read().text()).isEqualTo(SMUGGLED);
            assertThat(c.send("GET /x HTTP/1.1\r\nHost: a\r\n\r\n").read().text()).isEqualTo("x");
        }
    }

    private static void assertRejected(String raw, int status) throws Exception {
        assertRejected(raw, status, "");
    }

    /** The answer's message must name what was wrong ({@code about}), so a person can fix the request. */
    private static void assertRejected(String raw, int status, String about) throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send(raw).read();
            assertThat(r.status()).as("status; body: %s", r.text()).isEqualTo(status);
            assertThat(r.text()).as("message").contains(about);
            assertThat(r.says("close")).as("Connection: close").isTrue();
            assertThat(c.closedByServer()).as("connection closed").isTrue();
        }
    }
}
