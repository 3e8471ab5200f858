package dev.rowan.db.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The driver's data source with every connection attempt reported to an {@link OutageGate}. */
final class WatchedDataSource implements DataSource {
    private final DataSource direct;
    private final OutageGate gate;

    WatchedDataSource(DataSource direct, OutageGate gate) {
        this.direct = direct;
        this.gate = gate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return gate.connect(direct::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return gate.connect(() -> direct.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return direct.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        direct.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        direct.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return direct.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return direct.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : direct.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || direct.isWrapperFor(type);
    }
}
