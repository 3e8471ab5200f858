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
 */
final class Upstream {
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final Supplier<URI> latestUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final HttpClient client;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    Upstream(Supplier<URI> latestUrl, Duration connectTimeout, Duration readTimeout) {
        this.latestUrl = latestUrl;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL)
                .executor(calls).build();
    }

    /** Fetches the latest rates; never throws and never takes much longer than connect + read timeout. */
    FetchResult fetch() {
        Future<FetchResult> call = calls.submit(this::call);
        try {
            return call.get(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return slow();
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return slow();
        } catch (ExecutionException e) {
            return new FetchResult.Failed(FetchResult.Problem.DOWN, String.valueOf(e.getCause()));
        }
    }

    private FetchResult call() throws InterruptedException {
        URI uri = latestUrl.get();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return new FetchResult.Failed(FetchResult.Problem.ERROR_STATUS, "it answered with HTTP status " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    return new FetchResult.Failed(FetchResult.Problem.MALFORMED, "its answer is larger than 1 MB");
                }
                return new FetchResult.Ok(RatesJson.parse(bytes));
            }
        } catch (HttpConnectTimeoutException e) {
            return new FetchResult.Failed(FetchResult.Problem.DOWN, "it could not be reached within " + seconds(connectTimeout));
        } catch (HttpTimeoutException e) {
            return slow();
        } catch (ConnectException e) {
            return new FetchResult.Failed(FetchResult.Problem.DOWN, "it refused the connection");
        } catch (IOException e) {
            return new FetchResult.Failed(FetchResult.Problem.DOWN, "the connection failed (" + e.getClass().getSimpleName() + ")");
        } catch (RatesJson.MalformedRatesException e) {
            return new FetchResult.Failed(FetchResult.Problem.MALFORMED, "its answer was not usable: " + e.getMessage());
        }
    }

    private FetchResult slow() {
        return new FetchResult.Failed(FetchResult.Problem.SLOW, "it did not answer within " + seconds(readTimeout));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    void close() {
        calls.shutdownNow();
    }
}
