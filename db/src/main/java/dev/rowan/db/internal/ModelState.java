package dev.rowan.db.internal;

import dev.rowan.db.Database;
import dev.rowan.db.Model;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the ORM remembers about one model instance: where it came from and what was preloaded. */
public final class ModelState {
    /** True until the instance has been saved or loaded. */
    public boolean adding = true;
    /** The database the instance was loaded from or saved to (null: the default). */
    public Database db;
    /** Annotation values from {@code annotate}. */
    public Map<String, Object> annotations = Map.of();
    /** Rows loaded by {@code prefetchRelated}, by relation name. */
    public Map<String, List<? extends Model>> prefetched = Map.of();

    /** Stores an annotation value. */
    public void annotate(String name, Object value) {
        if (annotations.isEmpty()) {
            annotations = new HashMap<>();
        }
        annotations.put(name, value);
    }

    /** Drops the prefetched rows of relation {@code name}, so the next read queries. */
    public void forgetPrefetched(String name) {
        if (!prefetched.isEmpty()) {
            prefetched.remove(name);
        }
    }

    /** Stores prefetched rows. */
    public void prefetch(String name, List<? extends Model> rows) {
        if (prefetched.isEmpty()) {
            prefetched = new HashMap<>();
        }
        prefetched.put(name, rows);
    }
}
