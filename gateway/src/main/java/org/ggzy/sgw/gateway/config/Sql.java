package org.ggzy.sgw.gateway.config;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every repository binds the same way: instants as UTC timestamps, values that may be null; and statements of
 * many rows, so that a push costs one round trip per table, not one per record.
 */
public final class Sql {

    /** Rows of one multi-row statement at most (PostgreSQL takes 65,535 parameters a statement). */
    public static final int MAX_ROWS = 1000;

    private Sql() {}

    /**
     * One statement {@code prefix VALUES ($1, ..., $n), (...), ... suffix} with a row of parameters per element of
     * {@code rows} (at most {@link #MAX_ROWS}); {@code types} gives each column's type for its nulls. Instants are
     * bound as UTC timestamps.
     */
    public static Statement rows(
            Connection connection, String prefix, String suffix, Class<?>[] types, List<Object[]> rows) {
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("1 to " + MAX_ROWS + " rows a statement, not " + rows.size());
        }
        int columns = types.length;
        StringBuilder sql = new StringBuilder(prefix.length() + suffix.length() + rows.size() * columns * 5 + 16);
        sql.append(prefix).append(" VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns; c++) {
                sql.append(c == 0 ? "$" : ", $").append(r * columns + c + 1);
            }
            sql.append(')');
        }
        sql.append(' ').append(suffix);
        Statement statement = connection.createStatement(sql.toString());
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            if (row.length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + row.length + " values, not " + columns);
            }
            for (int c = 0; c < columns; c++) {
                int index = r * columns + c;
                Object value = row[c] instanceof Instant instant ? utc(instant) : row[c];
                if (value == null) {
                    statement.bindNull(index, types[c] == Instant.class ? OffsetDateTime.class : types[c]);
                } else {
                    statement.bind(index, value);
                }
            }
        }
        return statement;
    }

    /**
     * Runs statements on the caller's connection (its transaction's, when there is one), one after the other, and
     * returns the rows they changed in all.
     */
    public static Mono<Long> execute(DatabaseClient db, Function<Connection, List<Statement>> statements) {
        return db.inConnectionMany(connection -> Flux.fromIterable(statements.apply(connection))
                        .concatMap(statement ->
                                Flux.from(statement.execute()).concatMap(result -> Flux.from(result.getRowsUpdated()))))
                .reduce(0L, Long::sum);
    }

    /**
     * Writes rows with {@code prefix VALUES (...), (...) suffix} statements of at most {@link #MAX_ROWS} rows each
     * (see {@link #rows}), on the caller's connection; the rows changed in all.
     */
    public static Mono<Long> insert(
            DatabaseClient db, String prefix, String suffix, Class<?>[] types, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        return execute(db, connection -> chunks(rows).stream()
                .map(chunk -> rows(connection, prefix, suffix, types, chunk))
                .toList());
    }

    /** Splits rows into chunks of at most {@link #MAX_ROWS}. */
    public static <T> List<List<T>> chunks(List<T> rows) {
        if (rows.size() <= MAX_ROWS) {
            return List.of(rows);
        }
        List<List<T>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < rows.size(); from += MAX_ROWS) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + MAX_ROWS)));
        }
        return chunks;
    }

    /** The instant as a UTC {@code timestamptz} value ({@code null} stays {@code null}). */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Binds the value, or a typed null. */
    public static DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
