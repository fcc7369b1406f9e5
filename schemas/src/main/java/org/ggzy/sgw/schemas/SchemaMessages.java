package org.ggzy.sgw.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON Schema error into a {@link Violation} whose messages name the field by its Chinese title, in the
 * words a platform developer or a regulator would use.
 */
final class SchemaMessages {

    /** Messages for the shared definitions whose pattern alone would read as noise. */
    private static final Map<String, String[]> FORMATS = Map.ofEntries(
            Map.entry("ts14", new String[] {"a time yyyyMMddHHmmss", "yyyyMMddHHmmss 格式的时间"}),
            Map.entry("d8", new String[] {"a date yyyyMMdd", "yyyyMMdd 格式的日期"}),
            Map.entry(
                    "dt",
                    new String[] {"a time yyyyMMddHHmmss or a date yyyyMMdd", "yyyyMMddHHmmss 格式的时间或 yyyyMMdd 格式的日期"}),
            Map.entry("dataKey", new String[] {"1-64 characters A-Z a-z 0-9 _ -", "1-64 位字母、数字、下划线或连字符"}),
            Map.entry("code18", new String[] {"18 characters 0-9 A-Z", "18 位数字或大写字母"}),
            Map.entry("code11", new String[] {"11 characters 0-9 A-Z", "11 位数字或大写字母"}),
            Map.entry("uscc", new String[] {"an 18-character unified social credit code", "18 位统一社会信用代码"}),
            Map.entry("partyCode", new String[] {"a code of letters, digits and '-'", "由字母、数字或连字符组成的代码"}),
            Map.entry("regionCode", new String[] {"a 6-digit region code (GB/T 2260)", "6 位行政区划代码(GB/T 2260)"}),
            Map.entry("projectCode", new String[] {"17 characters 0-9 A-Z", "17 位数字或大写字母"}),
            Map.entry("tenderProjectCode", new String[] {
                "E + 6-digit region code + 13 characters (20 in all)", "E + 6 位行政区划代码 + 13 位字符(共 20 位)"
            }),
            Map.entry(
                    "bidSectionCode",
                    new String[] {"23 characters: the tender project code + 3", "23 位: 招标项目编号 + 3 位标段序号"}),
            Map.entry(
                    "bidSectionCodes",
                    new String[] {"23-character section codes separated by ';'", "以分号分隔的 23 位标段(包)编号"}),
            Map.entry("investProjectCode", new String[] {
                "a 24-character investment project code yyyy-RRRRRR-II-TT-NNNNNN",
                "24 位投资项目统一代码(yyyy-RRRRRR-II-TT-NNNNNN)"
            }),
            Map.entry(
                    "purchaseCode",
                    new String[] {"a code of at most 50 characters without ';' or ','", "不超过 50 位且不含分号或逗号的编号"}),
            Map.entry(
                    "purchaseCodes",
                    new String[] {"codes of at most 50 characters separated by ';'", "以分号分隔、每个不超过 50 位的编号"}),
            Map.entry("unifiedDealCode", new String[] {"a 40-character unified deal code", "40 位统一交易标识码"}),
            Map.entry(
                    "unifiedDealCodes",
                    new String[] {"40-character unified deal codes separated by ';'", "以分号分隔的 40 位统一交易标识码"}),
            Map.entry("currency", new String[] {"a 3-letter ISO 4217 currency code", "3 位 ISO 4217 币种代码"}),
            Map.entry("text", new String[] {"non-blank text", "非空文本"}),
            Map.entry("dec14_6", new String[] {
                "a number with at most 14 integer and 6 decimal digits", "整数部分不超过 14 位、小数不超过 6 位的数值"
            }),
            Map.entry("dec12_6", new String[] {
                "a number with at most 12 integer and 6 decimal digits", "整数部分不超过 12 位、小数不超过 6 位的数值"
            }),
            Map.entry(
                    "dec4_6",
                    new String[] {"a number with at most 4 integer and 6 decimal digits", "整数部分不超过 4 位、小数不超过 6 位的数值"}),
            Map.entry("dec1_0", new String[] {"a whole number of 1 digit", "1 位整数"}),
            Map.entry("dec2_0", new String[] {"a whole number of at most 2 digits", "不超过 2 位的整数"}),
            Map.entry("dec4_0", new String[] {"a whole number of at most 4 digits", "不超过 4 位的整数"}),
            Map.entry("dec5_0", new String[] {"a whole number of at most 5 digits", "不超过 5 位的整数"}),
            Map.entry("dec10_0", new String[] {"a whole number of at most 10 digits", "不超过 10 位的整数"}));

    private SchemaMessages() {}

    static Violation toViolation(Dataset dataset, Error error) {
        String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
        String instance = error.getInstanceLocation() == null
                ? ""
                : error.getInstanceLocation().toString();
        if ("required".equals(keyword) && error.getProperty() != null) {
            String field = error.getProperty();
            String pointer = instance + Violation.pointerOf(field);
            return new Violation(
                    pointer, Violation.SCHEMA, keyword, field + " is required", "缺少必填字段 " + dataset.label(field));
        }
        String field = topField(instance);
        String label = field == null ? "记录" : dataset.label(field);
        String name = field == null ? "the record" : field;
        String[] text = describe(dataset, field, keyword, error.getSchemaNode());
        String en = text == null ? name + ": " + error.getMessage() : name + " " + text[0];
        String zh = text == null ? label + " 不符合数据规范: " + error.getMessage() : label + " " + text[1];
        return new Violation(instance, Violation.SCHEMA, keyword, en, zh);
    }

    private static String[] describe(Dataset dataset, String field, String keyword, JsonNode constraint) {
        String format = field == null
                ? null
                : dataset.field(field).map(Dataset.Field::format).orElse(null);
        String[] formatText = format == null ? null : FORMATS.get(format);
        return switch (keyword) {
            case "pattern", "type" ->
                formatText != null
                        ? new String[] {"must be " + formatText[0], "必须是" + formatText[1]}
                        : "type".equals(keyword)
                                ? new String[] {"must be of type " + text(constraint), "类型必须是 " + text(constraint)}
                                : new String[] {"has an invalid format", "格式不正确"};
            case "maxLength" ->
                new String[] {
                    "must be at most " + text(constraint) + " characters long", "长度不能超过 " + text(constraint) + " 个字符"
                };
            case "minLength" ->
                new String[] {
                    "must be at least " + text(constraint) + " characters long", "长度不能少于 " + text(constraint) + " 个字符"
                };
            case "enum" -> new String[] {"must be one of " + values(constraint), "取值必须是 " + values(constraint) + " 之一"};
            case "const" -> new String[] {"must be " + text(constraint), "取值必须是 " + text(constraint)};
            case "maximum", "exclusiveMaximum" ->
                new String[] {"must not exceed " + text(constraint), "不能大于 " + text(constraint)};
            case "minimum", "exclusiveMinimum" ->
                new String[] {"must not be below " + text(constraint), "不能小于 " + text(constraint)};
            default -> null;
        };
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return "?";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String values(JsonNode node) {
        if (node == null || !node.isArray()) {
            return text(node);
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return String.join(", ", values);
    }

    /** The top-level field a pointer is in, unescaped; {@code null} for the record itself. */
    static String topField(String pointer) {
        if (pointer == null || pointer.length() < 2) {
            return null;
        }
        int end = pointer.indexOf('/', 1);
        String token = end < 0 ? pointer.substring(1) : pointer.substring(1, end);
        return token.replace("~1", "/").replace("~0", "~");
    }
}
