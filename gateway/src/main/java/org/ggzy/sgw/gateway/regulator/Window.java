package org.ggzy.sgw.gateway.regulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.ggzy.sgw.schemas.SpecTime;

/**
 * A time window {@code [from, to)} of the statistics. Each bound is ISO-8601 with an offset or a date
 * ({@code yyyy-MM-dd}, China time: {@code from} is the start of that day, {@code to} its end). Without {@code to}
 * the window ends now; without {@code from} it starts 30 days before its end.
 */
record Window(Instant from, Instant to) {

    static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

    static Window parse(String from, String to, Clock clock) {
        Instant end = blank(to) ? clock.instant() : bound("to", to, true);
        Instant start = blank(from) ? end.minus(DEFAULT_LENGTH) : bound("from", from, false);
        if (!start.isBefore(end)) {
            throw ProblemType.INVALID_REQUEST.exception("from must be before to.");
        }
        return new Window(start, end);
    }

    private static Instant bound(String name, String value, boolean endOfDay) {
        // an unencoded '+' of an offset arrives as a space
        String v = value.strip().replace(' ', '+');
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(SpecTime.CHINA)
                        .toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemType.INVALID_REQUEST.exception(
                    name + " must be an ISO-8601 time with offset (2026-11-22T10:00:00+08:00) or a date (2026-11-22).");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
