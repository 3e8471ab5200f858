package dev.rowan.examples.infoboard;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The board through a real socket against a local stub upstream that is switched between behaviours. */
@Timeout(20)
class InfoboardAppTest {
    private static final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock();
    private StubUpstream stub;
    private App app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (stub != null) {
            stub.close();
        }
    }

    private void start(Map<String, String> extra) throws IOException {
        stub = new StubUpstream();
        var settings = new HashMap<>(Map.of("infoboard.upstream-url", stub.url(), "infoboard.connect-timeout", "1s",
                "infoboard.read-timeout", "300ms", "infoboard.cache-ttl", "1m", "infoboard.retry-after", "30s"));
        settings.putAll(extra);
        app = App.create(Config.of(settings)).install(InfoboardApp.at("/infoboard").withClock(clock)).start(0);
    }

    private void start() throws IOException {
        start(Map.of());
    }

    @Test
    void showsTheRates() throws Exception {
        start();
        var r = get();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("1 EUR in other currencies, <time datetime=\"2026-11-27\">2026-11-27</time>")
                .contains("<td>USD</td><td class=\"num\">1.08</td>").contains("Fetched just now")
                .doesNotContain("Sample data").doesNotContain("unavailable");
    }

    @Test
    void servesFromTheCacheUntilTheTtlEnds() throws Exception {
        start();
        get();
        clock.advance(Duration.ofSeconds(59));
        assertThat(get().body()).contains("Fetched just now");
        assertThat(stub.requests()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        get();
        settle();
        assertThat(stub.requests()).isEqualTo(2);
        assertThat(get().body()).contains("Fetched just now").doesNotContain("These rates were fetched");
    }

    @Test
    void afterTheTtlTheStaleRatesAreServedAtOnceWhileNewOnesAreFetched() throws Exception {
        start(Map.of("infoboard.read-timeout", "20s"));
        get();
        stub.mode(StubUpstream.Mode.GATED);
        clock.advance(Duration.ofMinutes(2));

        // The upstream holds the refresh until released, so a page that waited for it could not be here yet.
        var r = get();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("These rates were fetched 2 minutes ago.")
                .contains("Newer rates are being fetched; reload the page in a moment.")
                .contains("<td>USD</td><td class=\"num\">1.08</td>");
        assertThat(get().body()).contains("Newer rates are being fetched");

        stub.release();
        settle();
        assertThat(get().body()).contains("Fetched just now").doesNotContain("These rates were fetched");
        assertThat(stub.requests()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = StubUpstream.Mode.class, names = {"SLOW", "FAILING", "MALFORMED", "WRONG_SHAPE"})
    void showsTheLastGoodDataWithItsAgeWhenTheUpstreamFails(StubUpstream.Mode failure) throws Exception {
        start();
        get();
        stub.mode(failure);
        clock.advance(Duration.ofMinutes(3));
        get();
        var r = settle();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("These rates were fetched 3 minutes ago.")
                .contains("Newer rates could not be fetched. The rates service ")
                .contains("<td>USD</td><td class=\"num\">1.08</td>");
        assertThat(stub.requests()).isEqualTo(2);
    }

    @Test
    void namesWhatWentWrongInSentences() throws Exception {
        start();
        get();
        clock.advance(Duration.ofMinutes(2));
        stub.mode(StubUpstream.Mode.FAILING);
        get();
        assertThat(settle().body()).contains("Newer rates could not be fetched. The rates service answered with HTTP status 500.");
        clock.advance(Duration.ofMinutes(1));
        stub.mode(StubUpstream.Mode.SLOW);
        get();
        assertThat(settle().body()).contains("The rates service did not answer within 300 ms.")
                .contains("These rates were fetched 3 minutes ago.");
        clock.advance(Duration.ofMinutes(1));
        stub.mode(StubUpstream.Mode.MALFORMED);
        get();
        assertThat(settle().body()).contains("The rates service sent an answer the board cannot use: the answer is not valid JSON.");
    }

    @Test
    void showsTheLastGoodDataWhenTheUpstreamIsDown() throws Exception {
        start();
        get();
        stub.down();
        clock.advance(Duration.ofMinutes(5));
        get();
        var r = settle();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("These rates were fetched 5 minutes ago.")
                .contains("Newer rates could not be fetched. The rates service refused the connection.").contains("USD");
    }

    @Test
    void aRedirectToAnotherPortIsNotFollowed() throws Exception {
        start();
        try (StubUpstream other = new StubUpstream()) {
            stub.redirectTo(other.url() + "/latest");
            var r = get();
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("The rates service redirected to " + other.url()
                    + ", another host, and the board only follows redirects within " + stub.url() + ".");
            assertThat(other.requests()).isZero();
        }
    }

    @Test
    void aRedirectToAnotherHostNameOfTheSameMachineIsNotFollowed() throws Exception {
        start();
        stub.redirectTo(stub.localhostUrl() + "/moved");
        var r = get();
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("redirected to " + stub.localhostUrl() + ", another host");
        assertThat(stub.requests()).as("only the first request; /moved is never asked").isEqualTo(1);
    }

    @Test
    void aRedirectWithinTheSameOriginIsFollowed() throws Exception {
        start();
        stub.redirectTo("/v2/latest");
        var r = get();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<td>USD</td><td class=\"num\">1.08</td>");
        assertThat(stub.requests()).isEqualTo(2);
    }

    @Test
    void aRedirectLoopEndsWithASentence() throws Exception {
        start();
        stub.redirectTo("/latest");
        var r = get();
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("The rates service redirected more than 3 times in a row.");
        assertThat(stub.requests()).isEqualTo(4);
    }

    @Test
    void aDroppedConnectionIsTriedAgain() throws Exception {
        start();
        stub.resetNext(2);
        var r = get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("<td>USD</td>");
        assertThat(stub.requests()).isEqualTo(3);
    }

    @Test
    void anUpstreamThatKeepsDroppingTheConnectionIsTriedThreeTimesWithinTheBudget() throws Exception {
        start();
        stub.resetNext(100);
        var r = get();
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("The exchange rates are unavailable right now. The rates service closed the"
                + " connection without answering (");
        assertThat(stub.requests()).isBetween(Upstream.MAX_ATTEMPTS, 2 * Upstream.MAX_ATTEMPTS);
    }

    @Test
    void theRateColumnsHeaderIsAlignedLikeItsNumbers() throws Exception {
        start();
        assertThat(get().body()).contains("<th scope=\"col\" class=\"num\">Rate</th>");
        assertThat(send("/infoboard/").body()).containsPattern("th\\.num, td\\.num \\{ text-align: right");
    }

    @ParameterizedTest
    @EnumSource(value = StubUpstream.Mode.class, names = {"SLOW", "FAILING", "MALFORMED", "WRONG_SHAPE"})
    void withoutAnyGoodDataTheBoardIsUnavailableWith503(StubUpstream.Mode failure) throws Exception {
        start();
        stub.mode(failure);
        var r = get();
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(r.body()).contains("<h2>Unavailable</h2>").contains("The exchange rates are unavailable right now. The rates service ");
    }

    @Test
    void withoutAnyGoodDataAndTheUpstreamDownTheBoardIsUnavailable() throws Exception {
        start();
        stub.down();
        var r = get();
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("unavailable right now");
    }

    @Test
    void leavesAFailedUpstreamAloneForTheRetryPeriodThenRecovers() throws Exception {
        start();
        stub.mode(StubUpstream.Mode.FAILING);
        assertThat(get().statusCode()).isEqualTo(503);
        stub.mode(StubUpstream.Mode.OK);
        clock.advance(Duration.ofSeconds(29));
        assertThat(get().statusCode()).isEqualTo(503);
        assertThat(stub.requests()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        var r = get();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("unavailable");
        assertThat(stub.requests()).isEqualTo(2);
    }

    @Test
    void concurrentReadersShareOneUpstreamCall() throws Exception {
        start(Map.of("infoboard.read-timeout", "10s"));
        stub.mode(StubUpstream.Mode.GATED);
        List<Future<HttpResponse<String>>> pages = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                pages.add(pool.submit(() -> get()));
            }
            while (stub.requests() == 0) {
                Thread.onSpinWait();
            }
            stub.release();
            for (var page : pages) {
                assertThat(page.get().statusCode()).isEqualTo(200);
            }
        }
        assertThat(stub.requests()).isEqualTo(1);
    }

    @Test
    void withoutAnUpstreamUrlItShowsLabelledSampleData() throws Exception {
        app = App.create(Config.of(Map.of())).install(InfoboardApp.at("/").withClock(clock)).start(0);
        var r = send("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Sample data from the built-in demo service").contains("1 EUR in other currencies, <time datetime=\"2026-11-27\">")
                .contains("<td>USD</td>");
    }

    @Test
    void aMalformedUpstreamUrlIsAClearConfigError() {
        assertThatThrownBy(() -> App.create(Config.of(Map.of("infoboard.upstream-url", "ftp://x"))).install(InfoboardApp.at("/")))
                .isInstanceOf(Config.ConfigException.class).hasMessageStartingWith("infoboard.E001");
    }

    /**
     * Waits until the board has no refresh in flight (it says so on the page), then returns that page.
     * Pages asked while a refresh runs never start another one, so polling changes nothing upstream.
     */
    private HttpResponse<String> settle() throws IOException, InterruptedException {
        for (;;) {
            var r = get();
            if (!r.body().contains("Newer rates are being fetched")) {
                return r;
            }
            Thread.sleep(5);
        }
    }

    private HttpResponse<String> get() throws IOException, InterruptedException {
        return send("/infoboard/");
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
