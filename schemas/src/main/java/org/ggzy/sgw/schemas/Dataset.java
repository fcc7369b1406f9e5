package org.ggzy.sgw.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One data set of the specification, as the catalogue describes it, with its bundled JSON Schema.
 *
 * @param id catalogue id, e.g. {@code gcjs.tender-notice}
 * @param dataNo the national/provincial data set number, for cross-reference
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param eventTime the field whose time the push SLA counts from
 * @param sla how long after {@code eventTime} the record must have been pushed
 * @param subject the fields naming the project, section(s) and region the record belongs to
 * @param prerequisites data sets that must exist for the same subject before this one (else a sequence gap)
 * @param expectations what this record makes the supervision side expect next
 * @param completeness optional fields whose presence counts for the completeness score
 * @param personalData fields holding personal data (masked for destinations not entitled to it)
 * @param checks semantic checks beyond JSON Schema
 * @param fields every field the schema defines, by code
 * @param schema the self-contained JSON Schema (draft 2020-12)
 */
public record Dataset(
        DatasetId id,
        String dataNo,
        String nameZh,
        String nameEn,
        String eventTime,
        Delay sla,
        Subject subject,
        List<DatasetId> prerequisites,
        List<Expectation> expectations,
        List<String> completeness,
        List<String> personalData,
        Checks checks,
        Map<String, Field> fields,
        JsonNode schema) {

    public String tradeType() {
        return id.tradeType();
    }

    public Optional<Field> field(String code) {
        return Optional.ofNullable(fields.get(code));
    }

    /** The Chinese label of a field as messages show it: {@code 开标时间(BID_OPEN_TIME)}. */
    public String label(String code) {
        Field field = fields.get(code);
        return field == null || field.title() == null ? code : field.title() + "(" + code + ")";
    }

    /** The fields naming what a record is about. Any of them may be absent for a data set. */
    public record Subject(String project, String section, String sections, String region) {}

    /**
     * An expectation a record creates: the {@code dataset} is due {@code after} the time in field {@code from}
     * (plus the expected data set's own push SLA).
     */
    public record Expectation(DatasetId dataset, String from, Delay after, String rule, String basis) {}

    /** A field of the data set, as its schema defines it. */
    public record Field(String code, String title, String description, String format, boolean required) {}

    /** Semantic checks of a data set; every list may be empty. */
    public record Checks(
            List<String> uscc, List<String> regionCodes, List<DateOrder> dateOrder, List<CodePrefix> codePrefix) {

        public static final Checks NONE = new Checks(List.of(), List.of(), List.of(), List.of());

        public Checks {
            uscc = uscc == null ? List.of() : List.copyOf(uscc);
            regionCodes = regionCodes == null ? List.of() : List.copyOf(regionCodes);
            dateOrder = dateOrder == null ? List.of() : List.copyOf(dateOrder);
            codePrefix = codePrefix == null ? List.of() : List.copyOf(codePrefix);
        }
    }

    /** {@code before} must not be later than {@code after} when both are present. */
    public record DateOrder(String before, String after) {}

    /** Every code in {@code field} (a {@code ;}/{@code ,} list allowed) starts with the value of {@code prefixField}. */
    public record CodePrefix(String field, String prefixField) {}
}
