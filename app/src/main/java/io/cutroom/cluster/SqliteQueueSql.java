package io.cutroom.cluster;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;

/**
 * db-scheduler's generic SQL limits a query with {@code FETCH FIRST n ROWS ONLY}, which SQLite does not know; SQLite
 * takes {@code LIMIT n}. Timestamps are kept in UTC, since SQLite has no time zone type.
 */
final class SqliteQueueSql extends DefaultJdbcCustomization {
    SqliteQueueSql() {
        super(true);
    }

    @Override
    public String getName() {
        return "SQLite";
    }

    @Override
    public boolean supportsExplicitQueryLimitPart() {
        return true;
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }
}
