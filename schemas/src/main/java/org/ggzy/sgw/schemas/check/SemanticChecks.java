package org.ggzy.sgw.schemas.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ggzy.sgw.schemas.Dataset;
import org.ggzy.sgw.schemas.SpecTime;
import org.ggzy.sgw.schemas.Violation;

/**
 * Checks JSON Schema cannot express, driven by the catalogue's {@code checks} of each data set: USCC check
 * characters, known region codes, real calendar dates, date order inside a record, code prefixes and decimal
 * precision of JSON numbers.
 */
public final class SemanticChecks {

    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;,]");
    private static final Pattern DECIMAL_FORMAT = Pattern.compile("^dec(\\d+)_(\\d+)$");
    private static final Pattern DATE_SHAPE = Pattern.compile("^\\d{8}(\\d{6})?$");

    private final RegionCodes regions;

    public SemanticChecks(RegionCodes regions) {
        this.regions = regions;
    }

    public static SemanticChecks standard() {
        return new SemanticChecks(RegionCodes.load());
    }

    public void check(Dataset dataset, JsonNode record, List<Violation> out) {
        Dataset.Checks checks = dataset.checks();
        checks.uscc().forEach(field -> checkUscc(dataset, record, field, out));
        checks.regionCodes().forEach(field -> checkRegion(dataset, record, field, out));
        checks.codePrefix().forEach(prefix -> checkPrefix(dataset, record, prefix, out));
        for (Map.Entry<String, Dataset.Field> e : dataset.fields().entrySet()) {
            String format = e.getValue().format();
            if ("ts14".equals(format) || "d8".equals(format) || "dt".equals(format)) {
                checkRealDate(dataset, record, e.getKey(), out);
            } else if (format != null && format.startsWith("dec")) {
                checkDecimal(dataset, record, e.getKey(), format, out);
            }
        }
        checks.dateOrder().forEach(order -> checkOrder(dataset, record, order, out));
    }

    private static Optional<String> text(JsonNode record, String field) {
        JsonNode v = record.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static void checkUscc(Dataset dataset, JsonNode record, String field, List<Violation> out) {
        text(record, field).ifPresent(value -> {
            for (String code : LIST_SEPARATOR.split(value)) {
                String c = code.trim();
                if (Uscc.hasLayout(c) && !Uscc.isValid(c)) {
                    out.add(new Violation(
                            Violation.pointerOf(field),
                            Violation.USCC_CHECKSUM,
                            "uscc",
                            field + " " + c + " fails the GB 32100 check character (expected " + Uscc.checkCharacter(c)
                                    + ")",
                            dataset.label(field) + " " + c + " 不是有效的统一社会信用代码(校验位应为 " + Uscc.checkCharacter(c) + ")"));
                }
            }
        });
    }

    private void checkRegion(Dataset dataset, JsonNode record, String field, List<Violation> out) {
        text(record, field).filter(v -> v.matches("^\\d{6}$")).ifPresent(code -> {
            if (!regions.isKnown(code)) {
                out.add(new Violation(
                        Violation.pointerOf(field),
                        Violation.REGION_CODE,
                        "regionCode",
                        field + " " + code + " is not a GB/T 2260 region code",
                        dataset.label(field) + " " + code + " 不是有效的行政区划代码(GB/T 2260)"));
            }
        });
    }

    private static void checkPrefix(Dataset dataset, JsonNode record, Dataset.CodePrefix rule, List<Violation> out) {
        Optional<String> prefix = text(record, rule.prefixField());
        Optional<String> value = text(record, rule.field());
        if (prefix.isEmpty() || value.isEmpty()) {
            return;
        }
        for (String code : LIST_SEPARATOR.split(value.get())) {
            if (!code.trim().startsWith(prefix.get())) {
                out.add(new Violation(
                        Violation.pointerOf(rule.field()),
                        Violation.CODE_PREFIX,
                        "codePrefix",
                        rule.field() + " " + code.trim() + " does not start with " + rule.prefixField() + " "
                                + prefix.get(),
                        dataset.label(rule.field()) + " " + code.trim() + " 应以" + dataset.label(rule.prefixField())
                                + " " + prefix.get() + " 开头"));
            }
        }
    }

    private static void checkRealDate(Dataset dataset, JsonNode record, String field, List<Violation> out) {
        text(record, field).filter(v -> DATE_SHAPE.matcher(v).matches()).ifPresent(v -> {
            if (SpecTime.parse(v).isEmpty()) {
                out.add(new Violation(
                        Violation.pointerOf(field),
                        Violation.SCHEMA,
                        "format",
                        field + " " + v + " is not a real calendar date or time",
                        dataset.label(field) + " " + v + " 不是有效的日期或时间"));
            }
        });
    }

    private static void checkDecimal(
            Dataset dataset, JsonNode record, String field, String format, List<Violation> out) {
        JsonNode v = record.get(field);
        Matcher m = DECIMAL_FORMAT.matcher(format);
        if (v == null || !v.isNumber() || !m.matches()) {
            return;
        }
        int integerDigits = Integer.parseInt(m.group(1));
        int scale = Integer.parseInt(m.group(2));
        BigDecimal d = v.decimalValue().stripTrailingZeros();
        int fraction = Math.max(d.scale(), 0);
        int whole = d.precision() - d.scale();
        if (fraction > scale || whole > integerDigits) {
            out.add(new Violation(
                    Violation.pointerOf(field),
                    Violation.SCHEMA,
                    "decimal",
                    field + " " + v.asText() + " has more than " + integerDigits + " integer or " + scale
                            + " decimal digits",
                    dataset.label(field) + " " + v.asText() + " 整数部分不能超过 " + integerDigits + " 位、小数不能超过 " + scale
                            + " 位"));
        }
    }

    private static void checkOrder(Dataset dataset, JsonNode record, Dataset.DateOrder order, List<Violation> out) {
        Optional<LocalDateTime> before = text(record, order.before()).flatMap(SpecTime::parse);
        Optional<LocalDateTime> after = text(record, order.after()).flatMap(SpecTime::parse);
        if (before.isPresent() && after.isPresent() && before.get().isAfter(after.get())) {
            out.add(new Violation(
                    Violation.pointerOf(order.after()),
                    Violation.DATE_ORDER,
                    "dateOrder",
                    order.before() + " must not be later than " + order.after(),
                    dataset.label(order.before()) + " 不能晚于 " + dataset.label(order.after())));
        }
    }
}
