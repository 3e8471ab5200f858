package dev.rowan.examples.csv2xlsx.convert;

import java.util.OptionalLong;

/**
 * The CSV could not be converted because of its content (never because of an I/O failure, which stays an
 * {@link java.io.IOException}). The message is written for the person who uploaded the file: it names the
 * line when there is one and says how to fix the file. A web layer answers it with a 400
 * (or a 413 for {@link Reason#TOO_MANY_ROWS}).
 *
 * <pre>{@code
 * try {
 *     converter.convert(csv, xlsx);
 * } catch (CsvConversionException e) {
 *     return badRequest(e.getMessage());   // "csv.E003 Line 7: a quoted field is never closed ..."
 * }
 * }</pre>
 */
public final class CsvConversionException extends Exception {

    /** What is wrong with the file; each reason has a stable id that starts its message. */
    public enum Reason {
        /** The file has no bytes, or only blank lines. */
        EMPTY("csv.E001"),
        /** The upload is not text: a ZIP/xlsx, PDF, legacy Office or gzip signature, or NUL bytes. */
        NOT_CSV("csv.E002"),
        /** Broken RFC 4180 structure, such as a quote that is never closed or text after a closing quote. */
        MALFORMED("csv.E003"),
        /** In strict mode, a row whose field count differs from the first row's. */
        FIELD_COUNT("csv.E004"),
        /** More data rows than the configured maximum. */
        TOO_MANY_ROWS("csv.E005"),
        /** A field or row that no spreadsheet can hold (over 32,767 characters, over 16,384 columns). */
        TOO_LARGE("csv.E006"),
        /** Bytes that are not valid in the expected character set (UTF-8 by default). */
        ENCODING("csv.E007");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The stable id, e.g. {@code csv.E003}. */
        public String code() {
            return code;
        }
    }

    private final Reason reason;
    private final long line;

    private CsvConversionException(Reason reason, long line, String message) {
        super(reason.code() + " " + message);
        this.reason = reason;
        this.line = line;
    }

    static CsvConversionException atLine(Reason reason, long line, String message) {
        return new CsvConversionException(reason, line, "Line " + line + ": " + message);
    }

    static CsvConversionException forFile(Reason reason, String message) {
        return new CsvConversionException(reason, 0, message);
    }

    /** Why the conversion failed. */
    public Reason reason() {
        return reason;
    }

    /** The stable id of the reason, e.g. {@code csv.E003}. */
    public String code() {
        return reason.code();
    }

    /** The 1-based line of the CSV where the problem is, or empty when it concerns the whole file. */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }
}
