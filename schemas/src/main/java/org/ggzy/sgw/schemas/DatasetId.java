package org.ggzy.sgw.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/** A catalogue id such as {@code gcjs.tender-notice}: the trade type, a dot, the data set's name. */
public record DatasetId(@JsonValue String value) implements Comparable<DatasetId> {

    private static final Pattern FORMAT = Pattern.compile("^[a-z]{2,8}\\.[a-z0-9]+(-[a-z0-9]+)*$");

    public DatasetId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a data set id: " + value);
        }
    }

    @JsonCreator
    public static DatasetId of(String value) {
        return new DatasetId(value);
    }

    /** Whether the text has the shape of a data set id (it may still be unknown to the catalogue). */
    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** The trade type prefix: {@code gcjs}, {@code zfcg}, ... */
    public String tradeType() {
        return value.substring(0, value.indexOf('.'));
    }

    @Override
    public int compareTo(DatasetId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
