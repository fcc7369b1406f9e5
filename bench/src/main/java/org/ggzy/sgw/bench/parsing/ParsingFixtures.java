package org.ggzy.sgw.bench.parsing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.ggzy.sgw.bench.validation.ValidationFixtures;

/**
 * The push bodies the parsing benchmark reads, made of the contract's valid bidder rows (as
 * {@link ValidationFixtures} makes them, 1.0 to 1.2 KB a row): one record alone, and the same {@value #BATCH_SIZE}
 * rows as a JSON array and as NDJSON (one record a line).
 */
public final class ParsingFixtures {

    /** Records in the array and NDJSON bodies. */
    public static final int BATCH_SIZE = 100;

    private ParsingFixtures() {}

    /** {@code POST /api/v1/push/gcjs.bidder} with one record: a JSON object. */
    public static byte[] single() {
        return ValidationFixtures.json(ValidationFixtures.bidder());
    }

    /** The {@value #BATCH_SIZE} rows as one JSON array. */
    public static byte[] array() {
        return ValidationFixtures.jsonArray(rows());
    }

    /** The same {@value #BATCH_SIZE} rows as NDJSON ({@code application/x-ndjson}): one record a line. */
    public static byte[] ndjson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ObjectNode row : rows()) {
            out.writeBytes(ValidationFixtures.json(row));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** The rows of the batch bodies, each with its own {@code DATA_KEY}, bidder name and price. */
    public static List<ObjectNode> rows() {
        return ValidationFixtures.bidderBatch(BATCH_SIZE);
    }
}
