package org.ggzy.sgw.gateway.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ggzy.sgw.schemas.calendar.WorkingDays;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Sections for rule tests, built from the valid examples of {@code contracts/} (all of one section of one tender
 * project, and one lot of one procurement project), with the fields a test changes; rule configuration bound from
 * its annotations' defaults, as the application binds it.
 */
final class RuleFixtures {

    static final RuleContext CONTEXT = new RuleContext(WorkingDays.standard());
    static final String PLATFORM = "91350000MA2Y0EXAMP";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-12-01T00:00:00Z");

    private RuleFixtures() {}

    static ProcedureProperties procedure(String... overrides) {
        return bind("sgw.rules.procedure", ProcedureProperties.class, overrides);
    }

    static ArchiveProperties archive(String... overrides) {
        return bind("sgw.rules.archive", ArchiveProperties.class, overrides);
    }

    static CollusionProperties collusion(String... overrides) {
        return bind("sgw.rules.collusion", CollusionProperties.class, overrides);
    }

    /**
     * A record of the data set: its valid example with the given fields replaced ({@code "FIELD", "value"} pairs; a
     * {@code null} value removes the field). Its record id is {@code dataset/DATA_KEY}.
     */
    static SectionRecord record(String dataset, String example, String... fieldValues) {
        ObjectNode payload = example(dataset, example);
        for (int i = 0; i < fieldValues.length; i += 2) {
            if (fieldValues[i + 1] == null) {
                payload.remove(fieldValues[i]);
            } else {
                payload.put(fieldValues[i], fieldValues[i + 1]);
            }
        }
        String dataKey = payload.get("DATA_KEY").asText();
        return new SectionRecord(dataset, PLATFORM, dataKey, dataset + "/" + dataKey, RECEIVED, payload);
    }

    /** Bidder A of the example section: the consortium led by 福建榕城建设工程有限公司, 5386500 yuan. */
    static SectionRecord bidderA(String... more) {
        return record("gcjs.bidder", "valid-consortium.json", more);
    }

    /** Bidder B of the example section: 福建闽江建筑集团有限公司, 5412800 yuan. */
    static SectionRecord bidderB(String... more) {
        return bidder("BD-2026-001202", "91350105MA31U8XK2B", "福建闽江建筑集团有限公司", "5412800", "350104197711023456", more);
    }

    /** Bidder C of the example section: 泉州宏达建设有限公司, 5458000 yuan. */
    static SectionRecord bidderC(String... more) {
        return bidder("BD-2026-001203", "91350503MA8RT4W6N6", "泉州宏达建设有限公司", "5458000", "350503198506127890", more);
    }

    /** A bidder of the example section bidding alone (no consortium). */
    static SectionRecord bidder(String dataKey, String code, String name, String price, String pmCode, String... more) {
        return record(
                "gcjs.bidder",
                "valid-consortium.json",
                fields(
                        more,
                        "DATA_KEY",
                        dataKey,
                        "BIDDER_ORG_CODE",
                        code,
                        "BIDDER_NAME",
                        name,
                        "UNION_ENTERPRISE_NAME",
                        null,
                        "UNION_ORGAN_SET_CODE",
                        null,
                        "BID_PRICE",
                        price,
                        "PM_CODE",
                        pmCode,
                        "BID_MANAGER",
                        name.substring(0, 2) + "项目经理"));
    }

    /** The tender project of the example section, by law to be tendered or not. */
    static SectionRecord tenderProject(String isToLaw) {
        return record("gcjs.tender-project", "valid-school-renovation.json", "IS_TO_LAW", isToLaw);
    }

    /** The field-value pairs {@code base} followed by {@code more} (which thus win). */
    static String[] fields(String[] more, String... base) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** The tender project's section {@code E3501000717002688002001} with the records. */
    static SectionState gcjs(SectionRecord... records) {
        return new SectionState("gcjs", "E3501000717002688002", "E3501000717002688002001", List.of(records));
    }

    /** The procurement lot {@code [350102]FJZC[GK]2026001-1} with the records. */
    static SectionState zfcg(SectionRecord... records) {
        return new SectionState("zfcg", "[350102]FJZC[GK]2026001", "[350102]FJZC[GK]2026001-1", List.of(records));
    }

    /** The same section with its records in other orders: reversed, and shuffled with fixed seeds. */
    static List<SectionState> reorderings(SectionState state) {
        List<SectionState> states = new ArrayList<>();
        List<SectionRecord> reversed = new ArrayList<>(state.records());
        Collections.reverse(reversed);
        states.add(new SectionState(state.tradeType(), state.projectCode(), state.sectionCode(), reversed));
        for (long seed : new long[] {1, 7, 42}) {
            List<SectionRecord> shuffled = new ArrayList<>(state.records());
            Collections.shuffle(shuffled, new Random(seed));
            states.add(new SectionState(state.tradeType(), state.projectCode(), state.sectionCode(), shuffled));
        }
        return states;
    }

    static ObjectNode example(String dataset, String example) {
        String resource = "sgw/contracts/examples/" + dataset + "/" + example;
        try (InputStream in = RuleFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no example " + resource);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T bind(String prefix, Class<T> type, String... overrides) {
        Map<String, String> properties = new HashMap<>();
        List<String> pairs = Arrays.asList(overrides);
        for (int i = 0; i < pairs.size(); i += 2) {
            properties.put(prefix + "." + pairs.get(i), pairs.get(i + 1));
        }
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }
}
