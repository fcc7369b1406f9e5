package org.ggzy.sgw.gateway.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Orders records by one of their own times, never by arrival: by the field, then {@code DATA_TIMESTAMP}, then
 * {@code DATA_KEY} and record id, so that "the latest" is the same whatever the order in which records arrived.
 * Records without the field come first.
 */
final class Chronology {

    private Chronology() {}

    static Comparator<SectionRecord> by(String field) {
        return Comparator.comparing(
                        (SectionRecord r) -> r.time(field).orElse(null),
                        Comparator.nullsFirst(Comparator.<LocalDateTime>naturalOrder()))
                .thenComparing(
                        r -> r.time("DATA_TIMESTAMP").orElse(null),
                        Comparator.nullsFirst(Comparator.<LocalDateTime>naturalOrder()))
                .thenComparing(SectionRecord::platformCode)
                .thenComparing(SectionRecord::dataKey)
                .thenComparing(SectionRecord::recordId);
    }

    /** The record with the latest {@code field}. */
    static Optional<SectionRecord> latest(Collection<SectionRecord> records, String field) {
        return records.stream().max(by(field));
    }

    /** The record with the latest {@code field} whose date is not after {@code day}. */
    static Optional<SectionRecord> latestOnOrBefore(Collection<SectionRecord> records, String field, LocalDate day) {
        return records.stream()
                .filter(r -> r.date(field).filter(d -> !d.isAfter(day)).isPresent())
                .max(by(field));
    }
}
