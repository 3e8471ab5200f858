package dev.rowan.templates.spi;

import java.io.IOException;
import java.io.Reader;

/**
 * One template's text as found by a {@link TemplateRoot}.
 *
 * <pre>{@code
 * TemplateSource.of("db:emails/welcome.html", row.updatedAt(), () -> new StringReader(row.body()));
 * }</pre>
 */
public interface TemplateSource {

    /** Where the text comes from, shown in errors (a path or URL). */
    String location();

    /**
     * Changes whenever the text changes (for example mtime and size); compared only when reloading is on.
     * A source that never changes returns a constant.
     */
    long version();

    /** Opens the text; the caller closes the reader. */
    Reader open() throws IOException;

    /** Opens a reader on demand. */
    @FunctionalInterface
    interface Opener {
        /** Opens a new reader on the text. */
        Reader open() throws IOException;
    }

    /** A source from its parts. */
    static TemplateSource of(String location, long version, Opener opener) {
        return new TemplateSource() {
            @Override
            public String location() {
                return location;
            }

            @Override
            public long version() {
                return version;
            }

            @Override
            public Reader open() throws IOException {
                return opener.open();
            }
        };
    }
}
