package dev.rowan.examples.csv2xlsx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds a multipart/form-data body the way a browser sends the upload form. */
final class Multipart {
    static final String BOUNDARY = "----rowan-test-7d4a1c";
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart field(String name, String value) {
        write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    Multipart file(String name, String filename, byte[] content) {
        write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    Multipart file(String name, String filename, String content) {
        return file(name, filename, content.getBytes(StandardCharsets.UTF_8));
    }

    byte[] build() {
        write("--" + BOUNDARY + "--\r\n");
        return body.toByteArray();
    }

    static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    private void write(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
