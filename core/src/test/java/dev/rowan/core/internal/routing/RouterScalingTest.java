package dev.rowan.core.internal.routing;

import dev.rowan.core.HttpMethod;
import dev.rowan.core.internal.RequestTarget;
import dev.rowan.core.security.Scaling;
import dev.rowan.core.security.SuiteTally;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Algorithmic abuse of request-target checking, path decoding and routing: hostile targets of
 * 512 KB and 1 MB go through the steps the dispatcher runs before a handler (the server refuses
 * request lines over 8 KB; these steps must not care) against a table of literal, typed, greedy
 * and catch-all routes. Work is the reads of the target by the syntax check and the decoder, and
 * the bytes allocated by every step, the router's included (see {@link Scaling}).
 */
class RouterScalingTest {
    private static final Router ROUTER = new Router(routes());

    @Test
    void hostileRequestTargetsScaleLinearly() {
        var tally = SuiteTally.of("algorithmic abuse, request target and router");
        target(tally, "/a/a/a... (many segments)", n -> "/a".repeat(n / 2));
        target(tally, "/a/a/a.../ (many segments, trailing slash)", n -> "/a".repeat(n / 2 - 1) + "/");
        target(tally, "one huge segment", n -> "/" + "x".repeat(n - 1));
        target(tally, "//// (repeated slashes)", n -> "/".repeat(n));
        target(tally, "/%41%41... (escapes)", n -> "/" + "%41".repeat(n / 3));
        target(tally, "/%C3%A9... (UTF-8 escapes)", n -> "/" + "%C3%A9".repeat(n / 6));
        target(tally, "/%41...%4 (a broken escape at the end)", n -> "/" + "%41".repeat(n / 3 - 1) + "%4");
        target(tally, "/%41...%2F (an encoded slash at the end)", n -> "/" + "%41".repeat(n / 3 - 1) + "%2F");
        target(tally, "/%FF... (invalid UTF-8)", n -> "/" + "%FF".repeat(n / 3));
        target(tally, "/files/a/a/... (greedy route)", n -> "/files" + "/a".repeat(n / 2 - 3));
        target(tally, "/users/111... (an int of 1 MB digits)", n -> "/users/" + "1".repeat(n - 8) + "/");
        target(tally, "/u/<1 MB name>/ (a string parameter)", n -> "/u/" + "x".repeat(n - 4) + "/");
        target(tally, "/a/x/b/y/c/<1 MB> (three parameters)", n -> "/a/x/b/y/c/" + "z".repeat(n - 11));
        target(tally, "/x/y/<many segments> (near-miss of a two-parameter route)", n -> "/x/y" + "/z".repeat(n / 2 - 2));
        target(tally, "/./../ (dot segments)", n -> "/./..".repeat(n / 5));
        target(tally, "/?a=1&... (a huge query)", n -> "/?" + "a=1&".repeat(n / 4));
        target(tally, "/??? (question marks)", n -> "/" + "?".repeat(n - 1));
        target(tally, "http://example.com/a/a/... (absolute form)", n -> "http://example.com" + "/a".repeat(n / 2 - 9));
        target(tally, "http://aaa... (absolute form, 1 MB host)", n -> "http://" + "a".repeat(n - 7));
        target(tally, "http://a@a@a... (absolute form, user info)", n -> "http://" + "a@".repeat(n / 2 - 4) + "/");
        target(tally, "/aaa...# (a fragment at the end)", n -> "/" + "a".repeat(n - 2) + "#");
        target(tally, "/aaa...é (a raw non-ASCII character at the end)", n -> "/" + "a".repeat(n - 2) + "é");
        target(tally, "/%%%... (bare percent signs)", n -> "/" + "%".repeat(n - 1));
        tally.assertAllPassed();
    }

    private static void target(SuiteTally tally, String name, IntFunction<String> target) {
        tally.check(name, () -> Scaling.assertLinear(name, n -> Scaling.Chars.of(target.apply(n)), chars -> {
            long before = chars.reads();    // an input is parsed more than once: warm-up runs come first
            route(chars);
            return chars.reads() - before;
        }));
    }

    /**
     * What the dispatcher does with a request target before a handler runs: check its syntax,
     * take the path of an absolute-form target, split off the query, percent-decode the path and
     * look it up. Empty when the target is refused (a 400).
     */
    private static Optional<RouteMatch> route(CharSequence target) {
        if (RequestTarget.problem(target) != null) {
            return Optional.empty();
        }
        if (RequestTarget.authority(target) != null) {
            int pathStart = RequestTarget.pathStart(target);
            CharSequence rest = target.subSequence(pathStart, target.length());
            target = pathStart == target.length() || target.charAt(pathStart) == '?' ? "/" + rest : rest;
        }
        int q = indexOf(target, '?');
        Optional<String> path = Router.decodePath(q < 0 ? target : target.subSequence(0, q));
        return path.map(p -> ROUTER.find(HttpMethod.GET, p));
    }

    private static int indexOf(CharSequence s, char c) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theRouteTableAnswersAsRegistered() {
        assertThat(route("/users/42/")).get().isInstanceOf(RouteMatch.Found.class);
        assertThat(route("/files/a/b/c")).get().isInstanceOf(RouteMatch.Found.class);
        assertThat(route("/r7")).get().isInstanceOf(RouteMatch.AddSlash.class);
        assertThat(route("/x/y/z")).get().isInstanceOf(RouteMatch.NotFound.class);
        assertThat(route("/%2F")).isEmpty();
    }

    /** Literal routes, typed and untyped parameters, a greedy path and a catch-all of two segments. */
    private static List<Route> routes() {
        var converters = new Converters();
        var routes = new ArrayList<Route>();
        for (int i = 0; i < 20; i++) {
            routes.add(route("/r" + i + "/", converters));
        }
        for (String p : List.of("/", "/about/", "/users/{id:int}/", "/users/{id:int}/posts/{slug:slug}/", "/files/{rest:path}",
                "/u/{name}/", "/a/{x}/b/{y}/c/{z}", "/api/{version}/items/{id:uuid}", "/static/{p:path}", "/{first}/{second}")) {
            routes.add(route(p, converters));
        }
        return routes;
    }

    private static Route route(String pattern, Converters converters) {
        return new Route(HttpMethod.GET, RoutePattern.parse(pattern, converters), ctx -> { }, "", List.of());
    }
}
