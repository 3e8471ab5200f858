package dev.rowan.buildcheck;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The layer of each module folder, from {@code build-check/layers.properties}. A key {@code dir/*}
 * covers {@code dir} and every folder below it; an exact key wins over a wildcard.
 *
 * <pre>{@code
 * LayerTable t = LayerTable.load(root.resolve("build-check/layers.properties"));
 * t.layerOf("examples/polls");   // Optional[L5]
 * }</pre>
 */
public final class LayerTable {
    /** A layer number, or build tooling outside the layering ({@code none}). */
    public record Layer(int number, boolean tooling) {
        @Override
        public String toString() {
            return tooling ? "tooling" : "L" + number;
        }
    }

    private final Map<String, Layer> exact;
    private final Map<String, Layer> trees;
    private final String source;

    private LayerTable(Map<String, Layer> exact, Map<String, Layer> trees, String source) {
        this.exact = exact;
        this.trees = trees;
        this.source = source;
    }

    public static LayerTable load(Path file) {
        var exact = new LinkedHashMap<String, Layer>();
        var trees = new LinkedHashMap<String, Layer>();
        var props = Tables.load(file);
        for (String key : props.stringPropertyNames()) {
            Layer layer = parse(key, props.getProperty(key).strip(), file);
            if (key.endsWith("/*")) {
                trees.put(key.substring(0, key.length() - 2), layer);
            } else {
                exact.put(key, layer);
            }
        }
        return new LayerTable(exact, trees, file.getFileName().toString());
    }

    /** The table's file name, for messages. */
    public String source() {
        return source;
    }

    public Optional<Layer> layerOf(String folder) {
        Layer direct = exact.get(folder);
        if (direct != null) {
            return Optional.of(direct);
        }
        return trees.entrySet().stream()
                .filter(e -> folder.equals(e.getKey()) || folder.startsWith(e.getKey() + "/"))
                .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                .map(Map.Entry::getValue);
    }

    private static Layer parse(String key, String value, Path file) {
        if (value.equals("none")) {
            return new Layer(-1, true);
        }
        try {
            return new Layer(Integer.parseInt(value), false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": the layer of '" + key + "' must be a number or 'none', not '" + value + "'", e);
        }
    }
}
