package dev.rowan.docstest;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body as a browser sends the upload form: the CSRF field and one file. */
final class Multipart {
    static final String BOUNDARY = "----docs-test-boundary";

    private Multipart() {
    }

    static Upload of(String token, String filename, String content) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"header\"\r\n\r\non\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
        return new Upload(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
    }

    record Upload(HttpRequest.BodyPublisher body) {
    }
}
