package dev.rowan.examples.converter;

/**
 * The input cannot be converted; the message says why and what to type instead.
 *
 * <pre>{@code
 * try { Temperatures.convert("abc", "F", "C"); }
 * catch (InvalidTemperatureException e) { showNextTo(e.field(), e.getMessage()); }
 * }</pre>
 */
public final class InvalidTemperatureException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    InvalidTemperatureException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input at fault: {@code value}, {@code from} or {@code to}. */
    public String field() {
        return field;
    }
}
