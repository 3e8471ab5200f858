package dev.rowan.db.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** The transaction bound to the current thread for one database. */
final class Tx {
    final Connection connection;
    final List<Runnable> onCommit = new ArrayList<>();
    final boolean testIsolation;
    int depth;

    Tx(Connection connection, boolean testIsolation) {
        this.connection = connection;
        this.testIsolation = testIsolation;
    }
}
