package io.bilan.engine.persistence;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver the engine is built with: it hands each URL to the driver that accepts it, H2's or
 * PostgreSQL's. Quarkus fixes the driver class when the application is built; routing by URL lets one build run
 * on the embedded H2 database by default and on PostgreSQL when {@code quarkus.datasource.jdbc.url} says so.
 */
public final class UrlRoutingDriver implements Driver {

    private static final List<Driver> DRIVERS = List.of(new org.h2.Driver(), new org.postgresql.Driver());

    private static Driver driverFor(String url) throws SQLException {
        for (Driver driver : DRIVERS) {
            if (driver.acceptsURL(url)) {
                return driver;
            }
        }
        throw new SQLException("Bilan runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://...), not on " + url);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        return acceptsURL(url) ? driverFor(url).connect(url, info) : null;
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        for (Driver driver : DRIVERS) {
            if (driver.acceptsURL(url)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return driverFor(url).getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
    }
}
