package dev.rowan.db;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values of several aggregates computed in one query, read back by the aggregate itself so
 * each keeps its type.
 *
 * <pre>{@code
 * Agg<Long> total = Agg.sum("votes");
 * Agg<Integer> most = Agg.max(Choice_.votes);
 * Aggregates r = Choice.objects.all().aggregate(total, most);
 * long votes = r.get(total).orElse(0L);
 * r.asMap();   // {votes__sum=42, votes__max=17}
 * }</pre>
 */
public final class Aggregates {
    private final Map<String, Object> values;
    private final Map<Agg<?>, String> names;

    private Aggregates(Map<String, Object> values, Map<Agg<?>, String> names) {
        this.values = values;
        this.names = names;
    }

    static Aggregates of(Map<String, Agg<?>> named, Map<String, Object> row) {
        Map<Agg<?>, String> names = new IdentityHashMap<>();
        named.forEach((name, agg) -> names.put(agg, name));
        return new Aggregates(row, names);
    }

    /**
     * The value of {@code aggregate}; empty when it is SQL NULL (a sum, average, minimum or maximum
     * over no rows; a count is never empty).
     */
    @SuppressWarnings("unchecked")
    public <V> Optional<V> get(Agg<V> aggregate) {
        String name = names.get(aggregate);
        if (name == null) {
            throw new IllegalArgumentException(aggregate + " was not part of this aggregate() call; asked were " + values.keySet());
        }
        return Optional.ofNullable((V) values.get(name));
    }

    /** The value under {@code name} ({@link Agg#defaultAlias()} or the name given), empty when NULL. */
    public Optional<Object> get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no aggregate named '" + name + "'; names are " + values.keySet());
        }
        return Optional.ofNullable(values.get(name));
    }

    /** The non-NULL values by name, in the order asked. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
