package dev.rowan.mongo.internal;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One database of the in-process server. The server builds the {@code _id} index and unique indexes (they keep their
 * promise: a duplicate is refused with E11000), but no other secondary index: it records such an index, so
 * {@code listIndexes} shows it as a real MongoDB would, keeps no entries in it and answers queries by scanning. Its
 * own code logs a WARNING for each one, on every {@code createIndexes} and again on every start with a data file
 * that holds one; an app that declares the indexes its production server needs would warn on every start. Here that
 * is the expected behaviour of a development store, so it is a DEBUG line on {@code rowan.mongo}.
 */
final class EmbeddedH2Database extends H2Database {
    private static final System.Logger LOG = System.getLogger("rowan.mongo");

    EmbeddedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    // Called from the superclass constructor too (when a data file is opened): it must use no field of this class.
    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys, boolean sparse) {
        LOG.log(System.Logger.Level.DEBUG, () -> "mongo: the in-process server keeps the index " + name + " ("
                + describe(keys) + ") on " + getDatabaseName() + "." + collection
                + " without entries: queries scan the collection. A real MongoDB builds it.");
        return new EmptyIndex<>(name, keys);
    }

    private static String describe(List<IndexKey> keys) {
        return keys.stream().map(k -> k.getKey() + (k.isAscending() ? " 1" : " -1")).collect(Collectors.joining(", "));
    }
}
