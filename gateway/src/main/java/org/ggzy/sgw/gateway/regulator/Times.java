package org.ggzy.sgw.gateway.regulator;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.ggzy.sgw.schemas.SpecTime;

/** Instants as the regulator API writes them (China time, milliseconds, offset) and as the database stores them. */
final class Times {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(SpecTime.CHINA);

    private Times() {}

    static String format(Instant instant) {
        return instant == null ? null : ISO.format(instant);
    }

    static Instant read(Readable row, String column) {
        OffsetDateTime t = row.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
