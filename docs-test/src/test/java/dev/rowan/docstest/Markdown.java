package dev.rowan.docstest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One documentation page as the tests read it: its fenced code blocks, and which of them are files
 * of the reader's project. A block is a project file when the line {@code <!-- file: path -->} comes
 * right before it (blank lines allowed); a later block for the same path replaces the file.
 */
record Markdown(Path source, List<Block> blocks) {
    private static final Pattern FENCE = Pattern.compile("(?m)^```([\\w-]*)\\n(.*?)^```\\s*$", Pattern.DOTALL);
    private static final Pattern FILE_MARKER = Pattern.compile("<!--\\s*file:\\s*(\\S+)\\s*-->\\s*\\z");

    /** A fenced block: its language, its text, and the project path it is a file of, if any. */
    record Block(String language, String text, Optional<String> file) {
    }

    static Markdown read(Path page) throws IOException {
        String text = Files.readString(page);
        List<Block> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        int previousEnd = 0;
        while (m.find()) {
            Matcher marker = FILE_MARKER.matcher(text.substring(previousEnd, m.start()));
            Optional<String> file = marker.find() ? Optional.of(marker.group(1)) : Optional.empty();
            blocks.add(new Block(m.group(1), m.group(2), file));
            previousEnd = m.end();
        }
        return new Markdown(page, List.copyOf(blocks));
    }

    /** The project's files in the order the page first shows them, each with its last shown text. */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        blocks.stream().filter(b -> b.file().isPresent()).forEach(b -> files.put(b.file().get(), b.text()));
        return files;
    }

    /** Blocks of {@code language} that are not project files. */
    List<String> loose(String language) {
        return blocks.stream().filter(b -> b.language().equals(language) && b.file().isEmpty()).map(Block::text).toList();
    }

    /** Every line of the page's shell blocks that starts with {@code prefix}, prompt removed. */
    List<String> shellLines(String prefix) {
        return blocks.stream().filter(b -> b.language().equals("sh") || b.language().equals("console"))
                .flatMap(b -> b.text().lines())
                .map(l -> l.startsWith("$ ") ? l.substring(2) : l)
                .filter(l -> l.startsWith(prefix)).toList();
    }
}
