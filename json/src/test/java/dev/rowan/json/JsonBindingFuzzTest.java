package dev.rowan.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rowan.core.security.FuzzSummary;
import dev.rowan.core.spi.JsonCodec;
import dev.rowan.core.spi.JsonCodec.MalformedJsonException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * JSON binding as {@code ctx.bodyAs(..)} does it: any bytes, read into records of many field
 * types, into lists and maps of them, and into plain trees. The only rejection is
 * {@link MalformedJsonException} (a 400 with a message that says where); what was read can be
 * written back. Seeds: {@code JsonBindingFuzzTestInputs/bind/}, one JSON document each.
 */
class JsonBindingFuzzTest {
    @RegisterExtension
    static final FuzzSummary SUMMARY = FuzzSummary.of("JSON binding");
    private static final JsonCodec CODEC = Json.codec();

    enum Size { SMALL, LARGE }

    record Line(String sku, int quantity, BigDecimal price, Optional<String> note) {
        Line {
            if (quantity < 0) {
                throw new IllegalArgumentException("quantity must not be negative");
            }
        }
    }

    record Order(long id, String customer, boolean paid, double weight, Size size, UUID ref, Instant placed,
                 LocalDate due, List<Line> lines, Map<String, Integer> counts, int[] codes, Order parent) {
    }

    private static final List<Type> TYPES = List.of(Order.class, Line.class, Object.class, String.class,
            new ListOf(Order.class), Map.class, int.class, Size.class);

    @FuzzTest(maxDuration = "2s")
    @Timeout(10)
    void bind(byte[] input) throws Exception {
        SUMMARY.input();
        for (Type type : TYPES) {
            try {
                Object value = CODEC.read(new ByteArrayInputStream(input), type);
                CODEC.toBytes(value);
            } catch (MalformedJsonException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    throw new AssertionError("A refusal without a message", e);
                }
            }
        }
    }

    /** {@code List<T>} as a {@link Type}, the way a handler's generic parameter reaches the codec. */
    private record ListOf(Type element) implements java.lang.reflect.ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {element};
        }

        @Override
        public Type getRawType() {
            return List.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }
}
