package dev.rowan.core.spi;

/**
 * Implemented by exceptions that point into a source other than Java (a template, a migration
 * file) so the debug page can show the name, line and the lines around it.
 */
public interface SourceSnippet {
    String sourceName();

    /** 1-based line, or 0 when unknown. */
    int line();

    /** A few lines around {@link #line()}, ready to show as preformatted text. */
    String snippet();
}
