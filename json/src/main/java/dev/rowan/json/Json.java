package dev.rowan.json;

import dev.rowan.core.spi.JsonCodec;
import dev.rowan.json.internal.JacksonCodec;
import tools.jackson.databind.json.JsonMapper;

import java.util.function.Consumer;

/**
 * Rowan's JSON codec, built on Jackson 3. With rowan-json on the class path {@code ctx.json(value)}
 * and {@code ctx.bodyAs(Type)} work without any setup; use this class only to change the defaults.
 * Records and {@code java.time} types work out of the box; unknown fields are refused (so a typo
 * in a client is a clear 400, not silently lost data); input is limited in nesting depth, document
 * length and string length so a hostile body cannot exhaust the server.
 *
 * <pre>{@code
 * app.register(JsonCodec.class, Json.codec(mapper -> mapper
 *         .enable(SerializationFeature.INDENT_OUTPUT)));
 *
 * app.register(JsonCodec.class, Json.builder().maxNestingDepth(50).build());
 * }</pre>
 */
public final class Json {
    /** Default maximum nesting of objects and arrays. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 200;
    /** Default maximum document length in bytes or chars (16 MB); the request body limit usually bites first. */
    public static final long DEFAULT_MAX_DOCUMENT_LENGTH = 16L * 1024 * 1024;
    /** Default maximum length of one string value (4 MB). */
    public static final int DEFAULT_MAX_STRING_LENGTH = 4 * 1024 * 1024;

    private Json() {
    }

    /** The codec rowan-json registers by itself. */
    public static JsonCodec codec() {
        return builder().build();
    }

    /** A codec with the default limits and a mapper changed by {@code customizer}. */
    public static JsonCodec codec(Consumer<JsonMapper.Builder> customizer) {
        return builder().mapper(customizer).build();
    }

    /** A builder for limits and mapper settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Limits and mapper customisations for a codec. */
    public static final class Builder {
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private long maxDocumentLength = DEFAULT_MAX_DOCUMENT_LENGTH;
        private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
        private Consumer<JsonMapper.Builder> customizer = b -> { };

        private Builder() {
        }

        public Builder maxNestingDepth(int depth) {
            this.maxNestingDepth = positive(depth, "maxNestingDepth");
            return this;
        }

        public Builder maxDocumentLength(long length) {
            this.maxDocumentLength = positive(length, "maxDocumentLength");
            return this;
        }

        public Builder maxStringLength(int length) {
            this.maxStringLength = positive(length, "maxStringLength");
            return this;
        }

        /** Changes the Jackson mapper (features, modules, naming); may be called more than once. */
        public Builder mapper(Consumer<JsonMapper.Builder> more) {
            this.customizer = this.customizer.andThen(more);
            return this;
        }

        public JsonCodec build() {
            return JacksonCodec.create(maxNestingDepth, maxDocumentLength, maxStringLength, customizer);
        }

        private static <N extends Number> N positive(N n, String what) {
            if (n.longValue() <= 0) {
                throw new IllegalArgumentException(what + " must be positive, got " + n);
            }
            return n;
        }
    }
}
