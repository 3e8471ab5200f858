package dev.rowan.core.internal.body;

import dev.rowan.core.HttpException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Chooses the parser for a request body by its content type. */
public final class FormBody {
    private FormBody() {
    }

    public static FormData parse(Optional<String> contentTypeHeader, InputStream body, FormLimits limits) throws IOException {
        if (contentTypeHeader.isEmpty()) {
            return FormData.EMPTY;
        }
        String header = contentTypeHeader.get();
        String type = mediaType(header);
        if (type.equals("application/x-www-form-urlencoded")) {
            byte[] bytes = readLimited(body, limits.maxFieldBytes());
            return new FormData(UrlEncoded.parse(new String(bytes, StandardCharsets.UTF_8), limits.maxFields(), "form"),
                    java.util.Map.of(), java.util.List.of());
        }
        if (type.equals("multipart/form-data")) {
            return MultipartParser.parse(header, body, limits);
        }
        return FormData.EMPTY;
    }

    public static String mediaType(String header) {
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    static byte[] readLimited(InputStream in, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw HttpException.payloadTooLarge("The form is larger than the limit of " + limit + " bytes.");
        }
        return bytes;
    }
}
