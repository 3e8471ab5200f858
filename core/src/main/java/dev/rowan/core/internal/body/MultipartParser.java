package dev.rowan.core.internal.body;

import dev.rowan.core.HttpException;

import java.io.InputStream;

/** Placeholder until the streaming multipart parser lands in this package. */
final class MultipartParser {
    private MultipartParser() {
    }

    static FormData parse(String contentTypeHeader, InputStream body, FormLimits limits) {
        throw HttpException.unsupportedMediaType("multipart/form-data is not supported yet");
    }
}
