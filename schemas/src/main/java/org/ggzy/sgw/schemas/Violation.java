package org.ggzy.sgw.schemas;

import java.util.Objects;

/**
 * One thing wrong with one record.
 *
 * @param pointer JSON pointer into the record ({@code ""} for the record itself)
 * @param code the rule family: {@code SCHEMA}, {@code USCC_CHECKSUM}, {@code REGION_CODE}, {@code DATE_ORDER}, ...
 * @param keyword the JSON Schema keyword, or the name of the semantic check
 * @param message English message
 * @param messageZh Chinese message naming the field by its Chinese title
 */
public record Violation(String pointer, String code, String keyword, String message, String messageZh) {

    public static final String SCHEMA = "SCHEMA";
    public static final String USCC_CHECKSUM = "USCC_CHECKSUM";
    public static final String REGION_CODE = "REGION_CODE";
    public static final String DATE_ORDER = "DATE_ORDER";
    public static final String CODE_PREFIX = "CODE_PREFIX";
    public static final String PLATFORM_MISMATCH = "PLATFORM_MISMATCH";
    public static final String DATA_TIMESTAMP_IN_FUTURE = "DATA_TIMESTAMP_IN_FUTURE";
    public static final String VERSION_CONFLICT = "VERSION_CONFLICT";
    /** The record names a project owned by another platform, which has not made the pushing platform a co-platform. */
    public static final String NOT_OWNER = "NOT_OWNER";
    /** The record's region lies outside the regions the pushing platform is registered for. */
    public static final String REGION_OUT_OF_SCOPE = "REGION_OUT_OF_SCOPE";

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(messageZh, "messageZh");
    }

    /** The JSON pointer of a top-level field. */
    public static String pointerOf(String field) {
        return "/" + field.replace("~", "~0").replace("/", "~1");
    }
}
