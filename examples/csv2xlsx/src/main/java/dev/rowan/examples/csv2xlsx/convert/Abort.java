package dev.rowan.examples.csv2xlsx.convert;

import java.io.IOException;

/**
 * Carries a {@link CsvConversionException} out of a {@link java.io.Reader} that the CSV parser calls, since
 * a reader may only throw {@link IOException}. The converter unwraps it again.
 */
final class Abort extends IOException {

    private final transient CsvConversionException problem;

    Abort(CsvConversionException problem) {
        super(problem.getMessage(), problem);
        this.problem = problem;
    }

    CsvConversionException problem() {
        return problem;
    }

    /** Finds an abort anywhere in a cause chain (the parser wraps what the reader throws). */
    static CsvConversionException find(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof Abort abort) {
                return abort.problem();
            }
        }
        return null;
    }
}
