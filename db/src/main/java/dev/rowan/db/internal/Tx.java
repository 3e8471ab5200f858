package dev.rowan.db.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The transaction bound to the current thread for one database. */
final class Tx {
    final Connection connection;
    final List<Runnable> onCommit = new ArrayList<>();
    final boolean testIsolation;
    int depth;
    /** A savepoint rollback that failed: the transaction must roll back, not commit. */
    SQLException brokenBy;

    Tx(Connection connection, boolean testIsolation) {
        this.connection = connection;
        this.testIsolation = testIsolation;
    }
}
