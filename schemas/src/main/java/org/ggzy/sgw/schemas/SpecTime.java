package org.ggzy.sgw.schemas;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Times in pushed data: {@code ts14} ({@code yyyyMMddHHmmss}) or {@code d8} ({@code yyyyMMdd}), China Standard
 * Time. Parsing is strict: {@code 20260230} is not a date.
 */
public final class SpecTime {

    /** The zone every spec time is written in. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter TS14 =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter D8 =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private SpecTime() {}

    /** Parses a {@code ts14} or {@code d8} value; a {@code d8} value is the start of that day. */
    public static Optional<LocalDateTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return switch (text.length()) {
                case 14 -> Optional.of(LocalDateTime.parse(text, TS14));
                case 8 -> Optional.of(LocalDate.parse(text, D8).atStartOfDay());
                default -> Optional.empty();
            };
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The instant a {@code ts14}/{@code d8} value denotes. */
    public static Optional<Instant> parseInstant(String text) {
        return parse(text).map(t -> t.atZone(CHINA).toInstant());
    }

    /** Formats an instant as {@code ts14} in China Standard Time. */
    public static String formatTs14(Instant instant) {
        return TS14.format(instant.atZone(CHINA));
    }
}
