package org.ggzy.sgw.gateway.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ggzy.sgw.schemas.SpecTime;

/**
 * The current version of one record that belongs to a section (or to its project).
 *
 * @param dataset the catalogue id, e.g. {@code gcjs.bidder}
 * @param platformCode the platform that pushed it
 * @param dataKey its {@code DATA_KEY}
 * @param recordId the id of the stored version (evidence points to it)
 * @param receivedAt when the gateway received this version
 * @param payload the record as parsed JSON
 */
public record SectionRecord(
        String dataset, String platformCode, String dataKey, String recordId, Instant receivedAt, JsonNode payload) {

    /** Separates the codes of a multi-valued field; compiled once (it is used for every bidder by every rule). */
    private static final java.util.regex.Pattern CODE_SEPARATOR = java.util.regex.Pattern.compile("[;,]");

    /** A field's text, or {@code null} when absent, null or blank. */
    public String text(String field) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.isBlank() ? null : text.strip();
    }

    /** A numeric field ({@code dec*}: a JSON number or a numeric string), empty when absent or not a number. */
    public Optional<BigDecimal> decimal(String field) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        String text = text(field);
        try {
            return text == null ? Optional.empty() : Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A {@code ts14} or {@code d8} field as a local time in China Standard Time, empty when absent or invalid. */
    public Optional<LocalDateTime> time(String field) {
        return SpecTime.parse(text(field));
    }

    /** The date (China Standard Time) of a {@code ts14} or {@code d8} field, empty when absent or invalid. */
    public Optional<LocalDate> date(String field) {
        return time(field).map(LocalDateTime::toLocalDate);
    }

    /**
     * The codes of a list field ({@code partyCodes}, {@code bidSectionCodes}, ...: separated by {@code ;} or
     * {@code ,}), stripped and upper-cased, in their order; empty when the field is absent.
     */
    public List<String> codes(String field) {
        String text = text(field);
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(CODE_SEPARATOR.split(text))
                .map(String::strip)
                .filter(code -> !code.isEmpty())
                .map(code -> code.toUpperCase(Locale.ROOT))
                .toList();
    }
}
