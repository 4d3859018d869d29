package io.cutroom.catalog;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work against the catalog's connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
