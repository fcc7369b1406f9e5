package org.ggzy.sgw.gateway.regulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ggzy.sgw.gateway.security.Scope;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A {@code WHERE} clause built from conditions whose values are always bound parameters (named {@code w0},
 * {@code w1}, ...), never spliced into the SQL text. Plain SQL that PostgreSQL and H2 (PostgreSQL mode) both run.
 */
final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> binds = new LinkedHashMap<>();

    /** A condition without values, written by this package (never from request input). */
    Where sql(String clause) {
        clauses.add(clause);
        return this;
    }

    Where eq(String column, Object value) {
        return sql(column + " = :" + bind(value));
    }

    /** {@code column IN (...)}; an empty collection matches nothing. */
    Where in(String column, Collection<String> values) {
        if (values.isEmpty()) {
            return sql("1 = 0");
        }
        List<String> names = new ArrayList<>();
        new TreeSet<>(values).forEach(v -> names.add(":" + bind(v)));
        return sql(column + " IN (" + String.join(", ", names) + ")");
    }

    /** {@code column} starts with one of the prefixes; an empty collection matches nothing. */
    Where startsWith(String column, Collection<String> prefixes) {
        if (prefixes.isEmpty()) {
            return sql("1 = 0");
        }
        List<String> likes = new ArrayList<>();
        new TreeSet<>(prefixes).forEach(p -> likes.add(column + " LIKE :" + bind(p + "%")));
        return sql("(" + String.join(" OR ", likes) + ")");
    }

    /** {@code from <= column < to}. */
    Where within(String column, Window window) {
        return sql(column + " >= :" + bind(Times.utc(window.from())))
                .sql(column + " < :" + bind(Times.utc(window.to())));
    }

    Where before(String column, Instant instant) {
        return sql(column + " < :" + bind(Times.utc(instant)));
    }

    /** The caller's regions and trade types (nothing to add for a global scope). */
    Where scope(Scope scope, String regionColumn, String tradeTypeColumn) {
        if (scope.global()) {
            return this;
        }
        startsWith(regionColumn, scope.regionPrefixes());
        return scope.tradeTypes().isEmpty() ? this : in(tradeTypeColumn, scope.tradeTypes());
    }

    /** Data set ids of the given trade types ({@code gcjs.*}); an empty set means every trade type. */
    Where datasetsOf(String datasetColumn, Collection<String> tradeTypes) {
        return tradeTypes.isEmpty()
                ? this
                : startsWith(
                        datasetColumn, tradeTypes.stream().map(t -> t + ".").toList());
    }

    /** The region filter of a request: the region and everything below it. */
    Where region(String regionColumn, String region) {
        return region == null ? this : startsWith(regionColumn, List.of(Scope.prefix(region)));
    }

    String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    Map<String, Object> binds() {
        return Collections.unmodifiableMap(binds);
    }

    DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec spec) {
        DatabaseClient.GenericExecuteSpec bound = spec;
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            bound = bound.bind(b.getKey(), b.getValue());
        }
        return bound;
    }

    private String bind(Object value) {
        String name = "w" + binds.size();
        binds.put(name, value);
        return name;
    }
}
