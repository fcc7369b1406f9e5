package org.ggzy.sgw.gateway.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Periods the way rules.md counts them: "N days between A and B" is {@code LocalDate(B) - LocalDate(A)} in whole
 * calendar days of China Standard Time (the first day is not counted, as Chinese law counts periods).
 */
final class Periods {

    private Periods() {}

    /** Calendar days from {@code from} to {@code to}; negative when {@code to} is earlier. */
    static int days(LocalDate from, LocalDate to) {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
    }

    /** A date as {@code yyyyMMdd}, as messages show it. */
    static String d8(LocalDate date) {
        return date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
