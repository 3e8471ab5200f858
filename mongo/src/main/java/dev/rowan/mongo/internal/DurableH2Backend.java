package dev.rowan.mongo.internal;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend, made durable before it answers: every command that changed the store is committed (written to
 * the data file) before its reply is sent. On its own, the MVStore commits in the background about once a second,
 * so a process killed mid-load lost the writes of that last second although the client had been told they
 * succeeded. A commit writes to the operating system, so an acknowledged write survives a crash or kill of the
 * process; surviving a crash of the machine as well needs an fsync per write ({@code fsync}), at a higher cost.
 * An in-memory store has nothing to write. Its databases are {@link EmbeddedH2Database}s, which keep secondary
 * indexes other than unique ones without entries and without a warning.
 */
final class DurableH2Backend extends H2Backend {
    private final MVStore store;
    private final boolean fsync;

    DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.store = store;
        this.fsync = fsync;
    }

    // Also called from the superclass constructor, for each database already in the file: uses no field of this class.
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new EmbeddedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    // Every command reaches the backend here, from OP_MSG (handleMessage calls it) and from legacy OP_QUERY.
    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // Also after a failed command: what later reads see is what is on disk.
            persist();
        }
    }

    private void persist() {
        if (store.getFileStore() != null && store.hasUnsavedChanges()) {
            store.commit();
            if (fsync) {
                store.sync();
            }
        }
    }
}
