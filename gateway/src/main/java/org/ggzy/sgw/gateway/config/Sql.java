package org.ggzy.sgw.gateway.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;

/** The two things every repository binds the same way: instants as UTC timestamps, and values that may be null. */
public final class Sql {

    private Sql() {}

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
