package dev.rowan.templates.internal;

import dev.rowan.templates.spi.TemplateSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Cuts the numbered source lines around an error, the error line marked with {@code >}. */
final class Snippets {
    static final int CONTEXT_LINES = 2;

    private Snippets() {
    }

    static String around(Optional<TemplateSource> source, int line) {
        if (source.isEmpty() || line <= 0) {
            return "";
        }
        try (BufferedReader reader = new BufferedReader(source.get().open())) {
            return format(reader.lines().toList(), line);
        } catch (IOException | RuntimeException e) {
            return ""; // a snippet is a courtesy; never hide the original error behind a second one
        }
    }

    static String format(List<String> lines, int line) {
        int first = Math.max(1, line - CONTEXT_LINES);
        int last = Math.min(lines.size(), line + CONTEXT_LINES);
        int width = String.valueOf(last).length();
        List<String> out = new ArrayList<>();
        for (int n = first; n <= last; n++) {
            String marker = n == line ? ">" : " ";
            out.add(marker + " " + " ".repeat(width - String.valueOf(n).length()) + n + " | " + lines.get(n - 1));
        }
        return String.join("\n", out);
    }
}
