package dev.rowan.db.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * A circuit breaker between the requests and a database server's pool. Every new connection the
 * pool opens goes through {@link #watch}, so the gate learns at once when the server stops
 * answering (a connection attempt fails with a connection error) and when it answers again (one
 * succeeds).
 *
 * <p>While the server is known to be unreachable and the pool holds no connection, a checkout fails
 * at once instead of waiting the connection timeout, and requests that were already waiting are
 * woken to fail the same way. Meanwhile the pool's connection adder keeps trying every
 * {@link #RETRY_MILLIS} ms (instead of the pool's own back-off, which grows to 5 s), so the first
 * connection after the server returns is made within that interval and the gate opens again by
 * itself. See docs/decisions/db-outage.md.
 */
public final class OutageGate {
    /** How often the pool's adder retries a server that refused it. */
    static final long RETRY_MILLIS = 250;
    private static final System.Logger LOG = System.getLogger("rowan.db");

    private final String alias;
    private final String where;
    private final Predicate<SQLException> isOutage;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final Object retry = new Object();
    private volatile IntSupplier pooled = () -> 0;
    private volatile Outage outage;
    private volatile boolean closed;

    /** Since when the server has been unreachable, and the last attempt's error. */
    private record Outage(long sinceNanos, long lastNanos, SQLException last) {
    }

    /**
     * A gate for database {@code alias} at {@code where} (a URL without password, for messages);
     * {@code isOutage} tells a connection error from any other failure (a wrong password is not an
     * outage: the server answered).
     */
    public OutageGate(String alias, String where, Predicate<SQLException> isOutage) {
        this.alias = alias;
        this.where = where;
        this.isOutage = isOutage;
    }

    /** The data source the pool should open connections with: {@code direct}, observed by this gate. */
    public DataSource watch(DataSource direct) {
        return new WatchedDataSource(direct, this);
    }

    /** Tells the gate how many connections the pool holds (in use or idle). */
    public void countPooledWith(IntSupplier pooledConnections) {
        this.pooled = pooledConnections;
    }

    /**
     * A connection from {@code pool}; fails at once with a connection error while the server is
     * known to be unreachable and the pool has no connection to hand out.
     */
    public Connection checkout(DataSource pool) throws SQLException {
        while (true) {
            refuseDuringOutage();
            Waiter w = new Waiter();
            waiters.add(w);
            Connection c = null;
            SQLException failure = null;
            try {
                c = pool.getConnection();
            } catch (SQLException e) {
                failure = e;
            } finally {
                waiters.remove(w);
            }
            if (!w.leave()) {
                if (failure != null) {
                    throw failure;
                }
                return c;
            }
            // Woken by the gate: the interrupt was ours, not the caller's.
            Thread.interrupted();
            if (c != null) {
                return c;
            }
        }
    }

    /** Releases the pool's adder if it is waiting to retry; later connection attempts are not retried. */
    public void close() {
        closed = true;
        synchronized (retry) {
            retry.notifyAll();
        }
    }

    /** Whether {@code e} is this gate's fast refusal (the server was already known to be down). */
    public static boolean refusedAtOnce(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Unreachable) {
                return true;
            }
        }
        return false;
    }

    /** Opens a connection with {@code attempt}, retrying every {@link #RETRY_MILLIS} ms while the server is unreachable. */
    Connection connect(SqlSupplier attempt) throws SQLException {
        while (true) {
            try {
                Connection c = attempt.get();
                reachable();
                return c;
            } catch (SQLException e) {
                if (!isOutage.test(e)) {
                    reachable();
                    throw e;
                }
                unreachable(e);
                if (!pauseBeforeRetry()) {
                    throw e;
                }
            }
        }
    }

    private void refuseDuringOutage() throws SQLException {
        Outage o = outage;
        if (o != null && pooled.getAsInt() == 0) {
            throw new Unreachable(o);
        }
    }

    private void unreachable(SQLException e) {
        long now = System.nanoTime();
        Outage before = outage;
        outage = new Outage(before == null ? now : before.sinceNanos(), now, e);
        if (before == null) {
            LOG.log(System.Logger.Level.WARNING, "Database '" + alias + "' at " + where + " is unreachable (" + e.getMessage()
                    + "); requests that need a new connection fail at once with db.E030 until it answers again.");
        }
        if (pooled.getAsInt() == 0) {
            waiters.forEach(Waiter::wake);
        }
    }

    private void reachable() {
        Outage before = outage;
        if (before != null) {
            outage = null;
            LOG.log(System.Logger.Level.INFO, "Database '" + alias + "' at " + where + " answers again after "
                    + seconds(System.nanoTime() - before.sinceNanos()) + ".");
        }
    }

    /** Waits before the next attempt; false when the gate closed (the pool is shutting down). */
    private boolean pauseBeforeRetry() {
        synchronized (retry) {
            if (closed) {
                return false;
            }
            try {
                retry.wait(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !closed;
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** A connection attempt. */
    @FunctionalInterface
    interface SqlSupplier {
        Connection get() throws SQLException;
    }

    /** The fast refusal: SQLSTATE 08001, the driver's last error as the cause. */
    static final class Unreachable extends SQLTransientConnectionException {
        Unreachable(Outage o) {
            super("no connection to the server for " + seconds(System.nanoTime() - o.sinceNanos()) + "; the last attempt, "
                    + seconds(System.nanoTime() - o.lastNanos()) + " ago, failed: " + o.last().getMessage()
                    + " (requests fail at once until it answers; it is retried every " + RETRY_MILLIS + " ms)", "08001", o.last());
        }
    }

    /**
     * A thread waiting in the pool. The gate interrupts it only while it is still inside the pool's
     * wait (both under this object's lock), so no interrupt leaks into the code that runs after.
     */
    private static final class Waiter {
        private final Thread thread = Thread.currentThread();
        private boolean waiting = true;
        private boolean woken;

        synchronized void wake() {
            if (waiting && !woken) {
                woken = true;
                thread.interrupt();
            }
        }

        /** Marks the wait over; whether the gate woke it. */
        synchronized boolean leave() {
            waiting = false;
            return woken;
        }
    }
}
