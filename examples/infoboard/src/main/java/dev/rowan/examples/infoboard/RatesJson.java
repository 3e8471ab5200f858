package dev.rowan.examples.infoboard;

import dev.rowan.core.spi.JsonCodec;
import dev.rowan.json.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the upstream's JSON and checks its shape. Anything unexpected is a {@link MalformedRatesException}:
 * an upstream that changed its format must not break the page, only make the data unavailable.
 * Extra fields are ignored (real services add {@code amount}, {@code timestamp}, ...).
 */
final class RatesJson {
    private static final JsonCodec CODEC = Json.codec();
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private RatesJson() {
    }

    static Rates parse(byte[] body) {
        Object root;
        try {
            root = CODEC.read(new ByteArrayInputStream(body), Object.class);
        } catch (JsonCodec.MalformedJsonException | IOException e) {
            throw new MalformedRatesException("the answer is not valid JSON");
        }
        if (!(root instanceof Map<?, ?> object)) {
            throw new MalformedRatesException("the answer is not a JSON object");
        }
        String base = currency(object.get("base"), "base");
        LocalDate date = date(object.get("date"));
        if (!(object.get("rates") instanceof Map<?, ?> rates) || rates.isEmpty()) {
            throw new MalformedRatesException("'rates' is missing or empty");
        }
        var parsed = new TreeMap<String, BigDecimal>();
        rates.forEach((code, value) -> parsed.put(currency(code, "a rate's currency"), rate(code, value)));
        return new Rates(base, date, parsed);
    }

    private static String currency(Object value, String what) {
        if (value instanceof String s && CURRENCY.matcher(s).matches()) {
            return s;
        }
        throw new MalformedRatesException(what + " is not a currency code like EUR");
    }

    private static LocalDate date(Object value) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new MalformedRatesException("'date' is not a date like 2026-11-27");
        }
    }

    private static BigDecimal rate(Object code, Object value) {
        if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            if (d.signum() > 0) {
                return d;
            }
        }
        throw new MalformedRatesException("the rate of " + code + " is not a positive number");
    }

    /** The upstream answered, but not with rates in the expected shape. */
    static final class MalformedRatesException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedRatesException(String message) {
            super(message, null, false, false);
        }
    }
}
