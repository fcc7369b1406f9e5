package org.ggzy.sgw.bench.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The records the validation benchmark measures, made from the contract's valid examples
 * ({@code sgw/contracts/examples/}): a bidder row, a tender notice whose {@code NOTICE_CONTENT} is a full notice of
 * about 20 KB, and a batch of bidder rows with distinct {@code DATA_KEY}s.
 */
public final class ValidationFixtures {

    public static final String BIDDER = "gcjs.bidder";
    public static final String TENDER_NOTICE = "gcjs.tender-notice";

    /** Records in the batch, the gateway's default maximum for one push. */
    public static final int BATCH_SIZE = 1000;

    /** The long notice's {@code NOTICE_CONTENT} is at least this many bytes of UTF-8. */
    public static final int LONG_NOTICE_MIN_BYTES = 20_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String[] BIDDER_TEMPLATES = {"valid-consortium.json", "valid-rate-bid.json"};

    private static final String[] BIDDER_NAMES = {
        "福建榕城建设工程有限公司",
        "福建正信工程监理有限公司",
        "中建海峡建设发展有限公司福州分公司",
        "福建省闽南建筑工程有限公司",
        "福州市第一建筑工程有限责任公司",
        "福建华成建设集团有限公司",
        "厦门特房建设工程集团有限公司",
        "福建省晓沃建设工程有限公司"
    };

    private ValidationFixtures() {}

    /** One bidder row (a consortium bidding an amount), as the contract's example has it. */
    public static ObjectNode bidder() {
        return example(BIDDER, "valid-consortium.json");
    }

    /** A tender notice carrying the full text of the notice in {@code NOTICE_CONTENT}. */
    public static ObjectNode longTenderNotice() {
        ObjectNode notice = example(TENDER_NOTICE, "valid-original.json");
        notice.put("NOTICE_CONTENT", longNoticeContent());
        return notice;
    }

    /** A realistic tender notice (招标公告), repeated until it is at least {@link #LONG_NOTICE_MIN_BYTES}. */
    public static String longNoticeContent() {
        String text = resource("notice-content.txt").strip();
        StringBuilder content = new StringBuilder(text);
        while (content.toString().getBytes(StandardCharsets.UTF_8).length < LONG_NOTICE_MIN_BYTES) {
            content.append("\n\n").append(text);
        }
        return content.toString();
    }

    /**
     * {@code size} bidder rows of one section, alternating the contract's two valid bidder examples (a consortium
     * bidding an amount, about 1.4 KB, and a firm bidding a rate, about 1 KB), each with its own {@code DATA_KEY},
     * bidder name and price.
     */
    public static List<ObjectNode> bidderBatch(int size) {
        List<ObjectNode> templates = new ArrayList<>();
        for (String file : BIDDER_TEMPLATES) {
            templates.add(example(BIDDER, file));
        }
        List<ObjectNode> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ObjectNode row = templates.get(i % templates.size()).deepCopy();
            row.put("DATA_KEY", String.format(Locale.ROOT, "BD-2026-%06d", i + 1));
            row.put("BIDDER_NAME", BIDDER_NAMES[i % BIDDER_NAMES.length]);
            if (row.has("BID_PRICE")) {
                row.put("BID_PRICE", 5_000_000 + 137 * i);
            }
            batch.add(row);
        }
        return batch;
    }

    /** The record as the bytes of a push body holding it alone. */
    public static byte[] json(JsonNode record) {
        try {
            return MAPPER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The records as the bytes of one push body, a JSON array. */
    public static byte[] jsonArray(List<? extends JsonNode> records) {
        ArrayNode array = MAPPER.createArrayNode();
        records.forEach(array::add);
        return json(array);
    }

    static ObjectNode example(String dataset, String file) {
        String path = "sgw/contracts/examples/" + dataset + "/" + file;
        try (InputStream in = ValidationFixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("example missing from the class path: " + path);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ValidationFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
