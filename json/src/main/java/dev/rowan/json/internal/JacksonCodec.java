package dev.rowan.json.internal;

import dev.rowan.core.spi.JsonCodec;
import dev.rowan.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.function.Consumer;

/**
 * The Jackson 3 codec. Public with a no-argument constructor only because {@link java.util.ServiceLoader}
 * needs that; applications use {@link Json}.
 */
public final class JacksonCodec implements JsonCodec {
    private final JsonMapper mapper;

    /** The default codec, as found by the service loader. */
    public JacksonCodec() {
        this(defaultBuilder(Json.DEFAULT_MAX_NESTING_DEPTH, Json.DEFAULT_MAX_DOCUMENT_LENGTH, Json.DEFAULT_MAX_STRING_LENGTH).build());
    }

    private JacksonCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public static JacksonCodec create(int depth, long documentLength, int stringLength, Consumer<JsonMapper.Builder> customizer) {
        JsonMapper.Builder b = defaultBuilder(depth, documentLength, stringLength);
        customizer.accept(b);
        return new JacksonCodec(b.build());
    }

    private static JsonMapper.Builder defaultBuilder(int depth, long documentLength, int stringLength) {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(depth).maxDocumentLength(documentLength).maxStringLength(stringLength).build();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(limits)
                // No symbol table of property names: the one Jackson shares between parses grows super-linearly
                // with many distinct long names (4x the allocation for twice the body), and names built to
                // collide in it, sent in earlier bodies, made later bodies with many names fail with a 400.
                .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
                .build();
        return JsonMapper.builder(factory)
                // Unknown fields are refused: a misspelt field name should be a clear 400, not silently lost data.
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    public JsonMapper mapper() {
        return mapper;
    }

    @Override
    public void write(Object value, OutputStream out) throws IOException {
        try {
            mapper.writeValue(out, value);
        } catch (JacksonException e) {
            throw unwrapIo(e);
        }
    }

    @Override
    public byte[] toBytes(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    @Override
    public <T> T read(InputStream in, Type type) throws IOException {
        JavaType target = mapper.constructType(type);
        var body = new WatchedStream(in);
        try {
            return mapper.readValue(body, target);
        } catch (JacksonException e) {
            if (body.failure != null) {
                // The body itself failed (too large, connection lost): not the client's JSON at fault.
                throw body.failure;
            }
            if (ioCause(e) != null) {
                // Jackson's own decoder refused the bytes (it tells UTF-8, 16 and 32 apart by the first four):
                // the body arrived whole, and it is the client's text that is wrong.
                throw new MalformedJsonException("The JSON body is not valid UTF-8, UTF-16 or UTF-32 text: "
                        + ioCause(e).getMessage() + ".", e);
            }
            throw new MalformedJsonException(ErrorMessages.describe(e), e);
        }
    }

    /** Remembers the exception the body stream threw, so it is not mistaken for one of Jackson's decoding errors. */
    private static final class WatchedStream extends FilterInputStream {
        IOException failure;

        WatchedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static RuntimeException unwrapIo(JacksonException e) throws IOException {
        IOException io = ioCause(e);
        if (io != null) {
            throw io;
        }
        return e;
    }
}
