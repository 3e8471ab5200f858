package dev.rowan.db.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Runs compiled statements: materialised lists, single rows and bounded-memory streams. */
public final class Executor {
    private Executor() {
    }

    /** All rows. */
    public static <R> List<R> list(Engine engine, CompiledSelect<R> q) {
        return engine.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                Engine.bind(ps, q.params());
                long start = engine.log().start();
                try (ResultSet rs = ps.executeQuery()) {
                    engine.log().record(q.sql(), q.params(), 1, start);
                    List<R> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(q.reader().read(rs));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * Rows one at a time; the statement, cursor and (outside a transaction) the connection stay open
     * until the stream is closed. Memory stays bounded by the driver's fetch size.
     */
    public static <R> Stream<R> stream(Engine engine, CompiledSelect<R> q) {
        Connection tx = engine.transactionConnection();
        Connection c = null;
        PreparedStatement ps = null;
        boolean ownsConnection = tx == null;
        boolean changedAutoCommit = false;
        try {
            c = ownsConnection ? engine.acquire() : tx;
            if (ownsConnection && engine.dialect().streamingNeedsTransaction()) {
                c.setAutoCommit(false);
                changedAutoCommit = true;
            }
            ps = c.prepareStatement(q.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            engine.dialect().prepareStreaming(ps);
            Engine.bind(ps, q.params());
            long start = engine.log().start();
            ResultSet rs = ps.executeQuery();
            engine.log().record(q.sql(), q.params(), 1, start);
            RowIterator<R> it = new RowIterator<>(engine, rs, q.reader());
            Stream<R> s = StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
            Connection conn = c;
            PreparedStatement st = ps;
            boolean restore = changedAutoCommit;
            return s.onClose(() -> close(engine, conn, st, rs, ownsConnection, restore));
        } catch (SQLException e) {
            close(engine, c, ps, null, ownsConnection, changedAutoCommit);
            throw engine.translate(e);
        }
    }

    private static void close(Engine engine, Connection c, PreparedStatement ps, ResultSet rs, boolean owns, boolean restore) {
        try {
            if (rs != null) {
                rs.close();
            }
            if (ps != null) {
                ps.close();
            }
            if (c != null && owns) {
                if (restore) {
                    c.commit();
                    c.setAutoCommit(true);
                }
                c.close();
            }
        } catch (SQLException e) {
            throw engine.translate(e);
        }
    }

    private static final class RowIterator<R> implements Iterator<R> {
        private final Engine engine;
        private final ResultSet rs;
        private final RowReader<R> reader;
        private Boolean ready;

        RowIterator(Engine engine, ResultSet rs, RowReader<R> reader) {
            this.engine = engine;
            this.rs = rs;
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            if (ready == null) {
                try {
                    ready = rs.next();
                } catch (SQLException e) {
                    throw engine.translate(e);
                }
            }
            return ready;
        }

        @Override
        public R next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = null;
            try {
                return reader.read(rs);
            } catch (SQLException e) {
                throw engine.translate(e);
            }
        }
    }
}
