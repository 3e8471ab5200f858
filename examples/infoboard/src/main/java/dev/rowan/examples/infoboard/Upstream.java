package dev.rowan.examples.infoboard;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Calls the rates service with the JDK HTTP client. Every call is bounded: the connect timeout covers
 * opening the connection, the read timeout covers waiting for the answer and reading its body (a
 * service that sends headers and then trickles bytes is cut off too), and bodies over 1 MB are refused.
 * The whole fetch, retries included, stays within connect + read timeout.
 *
 * <p>Redirects are followed only within the configured origin (same scheme, host name and port, at
 * most {@value #MAX_REDIRECTS}): the URL in the settings is what the operator trusts, and a redirect
 * elsewhere would make the board fetch (and show) whatever another host says. A connection the service
 * resets or closes without answering is tried again after {@value #FIRST_BACKOFF_MS} ms, then twice
 * that, while the time budget allows.
 */
final class Upstream {
    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final int MAX_REDIRECTS = 3;
    static final int MAX_ATTEMPTS = 3;
    static final long FIRST_BACKOFF_MS = 100;

    private final Supplier<URI> latestUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final HttpClient client;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    Upstream(Supplier<URI> latestUrl, Duration connectTimeout, Duration readTimeout) {
        this.latestUrl = latestUrl;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .executor(calls).build();
    }

    /** Fetches the latest rates; never throws and never takes much longer than connect + read timeout. */
    FetchResult fetch() {
        Duration budget = connectTimeout.plus(readTimeout);
        long deadline = System.nanoTime() + budget.toNanos();
        Future<FetchResult> call = calls.submit(() -> withRetries(deadline));
        try {
            return call.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return slow();
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return slow();
        } catch (ExecutionException e) {
            return new FetchResult.Failed(FetchResult.Problem.DOWN,
                    "The rates service could not be asked (" + e.getCause().getClass().getSimpleName() + ").");
        }
    }

    private FetchResult withRetries(long deadline) throws InterruptedException {
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                return follow(latestUrl.get(), deadline);
            } catch (Dropped dropped) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (attempt == MAX_ATTEMPTS || left <= backoff) {
                    return new FetchResult.Failed(FetchResult.Problem.DOWN, "The rates service closed the connection"
                            + " without answering (" + attempt + (attempt == 1 ? " try" : " tries") + ").");
                }
                Thread.sleep(backoff);
                backoff *= 2;
            }
        }
    }

    /** One attempt: the request, then redirects within the origin. */
    private FetchResult follow(URI start, long deadline) throws InterruptedException, Dropped {
        URI uri = start;
        for (int hops = 0; ; hops++) {
            Answer answer = send(uri, deadline);
            if (answer.location() == null) {
                return answer.result();
            }
            URI target = uri.resolve(answer.location());
            if (!sameOrigin(start, target)) {
                return new FetchResult.Failed(FetchResult.Problem.REDIRECTED, "The rates service redirected to "
                        + origin(target) + ", another host, and the board only follows redirects within "
                        + origin(start) + ".");
            }
            if (hops == MAX_REDIRECTS) {
                return new FetchResult.Failed(FetchResult.Problem.REDIRECTED, "The rates service redirected more than "
                        + MAX_REDIRECTS + " times in a row.");
            }
            uri = target;
        }
    }

    /** A result, or where a redirect points. */
    private record Answer(FetchResult result, String location) {
    }

    private Answer send(URI uri, long deadline) throws InterruptedException, Dropped {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        Duration timeout = Duration.ofMillis(Math.min(readTimeout.toMillis(), left));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return answer(response, body);
            }
        } catch (HttpConnectTimeoutException e) {
            return new Answer(new FetchResult.Failed(FetchResult.Problem.DOWN,
                    "The rates service could not be reached within " + seconds(connectTimeout) + "."), null);
        } catch (HttpTimeoutException e) {
            return new Answer(slow(), null);
        } catch (ConnectException e) {
            return new Answer(new FetchResult.Failed(FetchResult.Problem.DOWN, "The rates service refused the connection."), null);
        } catch (IOException e) {
            // A reset, or the connection closed before a complete answer: often a restart or a proxy
            // dropping an idle connection, so worth another try.
            throw new Dropped();
        } catch (RatesJson.MalformedRatesException e) {
            return new Answer(new FetchResult.Failed(FetchResult.Problem.MALFORMED,
                    "The rates service sent an answer the board cannot use: " + e.getMessage() + "."), null);
        }
    }

    private static Answer answer(HttpResponse<InputStream> response, InputStream body) throws IOException {
        int status = response.statusCode();
        if (isRedirect(status) && response.headers().firstValue("Location").isPresent()) {
            return new Answer(null, response.headers().firstValue("Location").get());
        }
        if (status != 200) {
            return new Answer(new FetchResult.Failed(FetchResult.Problem.ERROR_STATUS,
                    "The rates service answered with HTTP status " + status + "."), null);
        }
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return new Answer(new FetchResult.Failed(FetchResult.Problem.MALFORMED,
                    "The rates service sent an answer larger than 1 MB."), null);
        }
        return new Answer(new FetchResult.Ok(RatesJson.parse(bytes)), null);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Same scheme, host name and port. Names are compared as written, not as resolved: 'localhost' and
     * '127.0.0.1' are different hosts here, as they are for cookies and for the browser's same-origin rule.
     */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String origin(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
    }

    private FetchResult slow() {
        return new FetchResult.Failed(FetchResult.Problem.SLOW, "The rates service did not answer within " + seconds(readTimeout) + ".");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    void close() {
        calls.shutdownNow();
    }

    /** The connection was reset or closed without an answer. */
    private static final class Dropped extends Exception {
        private static final long serialVersionUID = 1L;

        Dropped() {
            super(null, null, false, false);
        }
    }
}
