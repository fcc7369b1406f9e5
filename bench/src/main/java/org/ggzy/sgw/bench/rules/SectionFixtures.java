package org.ggzy.sgw.bench.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.ggzy.sgw.gateway.rules.ArchiveProperties;
import org.ggzy.sgw.gateway.rules.CollusionProperties;
import org.ggzy.sgw.gateway.rules.ProcedureProperties;
import org.ggzy.sgw.gateway.rules.RuleBook;
import org.ggzy.sgw.gateway.rules.RuleContext;
import org.ggzy.sgw.gateway.rules.SectionRecord;
import org.ggzy.sgw.gateway.rules.SectionState;
import org.ggzy.sgw.schemas.Catalog;
import org.ggzy.sgw.schemas.Dataset;
import org.ggzy.sgw.schemas.calendar.WorkingDays;
import org.ggzy.sgw.schemas.check.Uscc;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The state of one bid section at the end of a complete, clean lifecycle, as the gateway's lifecycle hands it to the
 * rules: every record of the scenario {@code contracts/scenarios/gcjs-tender-to-contract.json} that belongs to the
 * section or to its tender project (as the lifecycle attaches records, from the catalogue's subject fields), with
 * its four bidders and their bid-file fingerprints joined by generated ones, up to the number asked for. Each
 * generated bidder has its own organisation code (a valid USCC), name, project manager (a valid identity number),
 * price, check-in time and bid-file fingerprint (computer, disk, network card). Generated prices lie above the
 * scenario's four (the winner's, the lowest evaluated price, stays the lowest) and below the ceiling price, and are
 * never evenly spaced (which holds up to about 175 bidders), so the section stays clean: no rule of the rule book finds
 * anything. Also: the rule book and the context, configured with the defaults the application binds.
 */
public final class SectionFixtures {

    public static final String SCENARIO = "sgw/contracts/scenarios/gcjs-tender-to-contract.json";
    public static final String BIDDER = "gcjs.bidder";
    public static final String FINGERPRINT = "gcjs.bid-file-fingerprint";

    /** The bidders of the section the benchmark evaluates by default. */
    public static final int BIDDERS = 50;

    /** The bidders the scenario itself has: the winner, the other candidates, and one more. */
    public static final int SCENARIO_BIDDERS = 4;

    /** The scenario's ceiling price (最高投标限价 18230.56 万元), in yuan. */
    static final BigDecimal CEILING_YUAN = new BigDecimal("182305600.00");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TS14 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

    /** R04's default tolerance is 0.01 % of the middle price; neighbouring gaps differ by more than this. */
    private static final BigDecimal SPACING_MARGIN = new BigDecimal("0.00011");

    private static final String[] PLACES = {
        "榕城", "闽江", "鼓山", "海峡", "三山", "闽都", "晋安", "马尾", "长乐", "闽侯", "连江", "福清", "永泰", "罗源", "闽清", "平潭"
    };
    private static final String[] MARKS = {"", "宏", "恒", "盛", "达", "源", "泰", "兴"};
    private static final String[] KINDS = {"建设工程有限公司", "建筑工程有限公司", "建工集团有限公司", "工程建设有限公司"};
    private static final String[] SURNAMES = {"陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨", "郑", "许"};
    private static final String[] GIVEN_NAMES = {"建华", "志强", "文斌", "国平", "海涛", "明辉", "立新", "晓东", "振宇", "德福", "伟民"};
    private static final String[] REGIONS = {
        "350102", "350103", "350104", "350105", "350111", "350121", "350181", "350203", "350503", "350602", "350702"
    };

    private SectionFixtures() {}

    /** The rule book of the application, every rule configured with its defaults. */
    public static RuleBook ruleBook() {
        return new RuleBook(
                bind("sgw.rules.procedure", ProcedureProperties.class),
                bind("sgw.rules.archive", ArchiveProperties.class),
                bind("sgw.rules.collusion", CollusionProperties.class));
    }

    /** What rules may use besides the section: the standard working-day calendar. */
    public static RuleContext context() {
        return new RuleContext(WorkingDays.standard());
    }

    /** The section at the end of the scenario, with {@code bidders} bidders (at least the scenario's four). */
    public static SectionState section(int bidders) {
        return section(records(bidders));
    }

    /** The section with the records (e.g. {@link #records(int)}, changed). */
    public static SectionState section(List<SectionRecord> records) {
        JsonNode scenario = scenario();
        String project = scenario.get("tenderProjectCode").asText();
        return new SectionState("gcjs", project, sectionCode(scenario), records);
    }

    /** The records of the section at the end of the scenario, with {@code bidders} bidders, in order of arrival. */
    public static List<SectionRecord> records(int bidders) {
        if (bidders < SCENARIO_BIDDERS) {
            throw new IllegalArgumentException("the scenario's section has " + SCENARIO_BIDDERS + " bidders");
        }
        JsonNode scenario = scenario();
        Catalog catalog = Catalog.load();
        String platform = scenario.get("platformCode").asText();
        String project = scenario.get("tenderProjectCode").asText();
        String section = sectionCode(scenario);

        List<SectionRecord> records = new ArrayList<>();
        List<SectionRecord> bidderRecords = new ArrayList<>();
        List<SectionRecord> fingerprints = new ArrayList<>();
        for (JsonNode step : scenario.get("steps")) {
            String dataset = step.get("dataset").asText();
            ObjectNode record = (ObjectNode) step.get("record").deepCopy();
            Dataset.Subject subject = catalog.find(dataset).orElseThrow().subject();
            if (!belongs(subject, record, project, section)) {
                continue;
            }
            Instant at = OffsetDateTime.parse(step.get("at").asText()).toInstant();
            SectionRecord sectionRecord = record(dataset, platform, at, record);
            records.add(sectionRecord);
            if (dataset.equals(BIDDER)) {
                bidderRecords.add(sectionRecord);
            } else if (dataset.equals(FINGERPRINT)) {
                fingerprints.add(sectionRecord);
            }
        }
        if (bidderRecords.size() != SCENARIO_BIDDERS || fingerprints.size() != SCENARIO_BIDDERS) {
            throw new IllegalStateException("the scenario no longer has " + SCENARIO_BIDDERS + " bidders");
        }

        List<BigDecimal> prices = prices(bidderRecords, bidders - SCENARIO_BIDDERS);
        List<SectionRecord> more = new ArrayList<>();
        for (int i = SCENARIO_BIDDERS; i < bidders; i++) {
            int template = i % SCENARIO_BIDDERS;
            ObjectNode bidder = bidderRecords.get(template).payload().deepCopy();
            ObjectNode fingerprint = fingerprints.get(template).payload().deepCopy();
            generate(i, prices.get(i - SCENARIO_BIDDERS), bidder, fingerprint);
            Instant bidderAt = bidderRecords.get(template).receivedAt().plusSeconds(i);
            Instant fingerprintAt = fingerprints.get(template).receivedAt().plusSeconds(i);
            more.add(record(BIDDER, platform, bidderAt, bidder));
            more.add(record(FINGERPRINT, platform, fingerprintAt, fingerprint));
        }
        records.addAll(records.indexOf(fingerprints.get(fingerprints.size() - 1)) + 1, more);
        records.replaceAll(r -> countOfBidders(r, bidders));
        return List.copyOf(records);
    }

    /** The data of the i-th bidder (from 0; the scenario's are 0 to 3) written over a copy of a scenario bidder's. */
    private static void generate(int i, BigDecimal price, ObjectNode bidder, ObjectNode fingerprint) {
        String region = REGIONS[i % REGIONS.length];
        String code = uscc(region, i);
        String name = "福建" + PLACES[i % PLACES.length] + MARKS[(i / PLACES.length) % MARKS.length]
                + KINDS[(i / (PLACES.length * MARKS.length)) % KINDS.length];
        String manager = SURNAMES[i % SURNAMES.length] + GIVEN_NAMES[(i * 7) % GIVEN_NAMES.length];
        LocalDateTime checkIn = LocalDateTime.of(2026, 4, 13, 9, 0).plusMinutes(37L * i);

        bidder.put("DATA_KEY", String.format(Locale.ROOT, "BD-2026-%06d", 3151 + i));
        bidder.put("BIDDER_NAME", name);
        bidder.put("BIDDER_ORG_CODE", code);
        bidder.put("BIDDER_REGION_CODE", region);
        bidder.put("BID_MANAGER", manager);
        bidder.put("PM_CODE", identityNumber(i));
        bidder.put("PM_CERTIFICATES", String.format(Locale.ROOT, "一级注册建造师(建筑工程) 闽1350%08d", 31_000_000 + 7919 * i));
        bidder.put("BID_PRICE", price);
        bidder.put("TIME_LIMIT", 660 + (i * 13) % 60);
        bidder.put("CHECKIN_TIME", TS14.format(checkIn));
        bidder.put("MARGIN_RECEIVE_TIME", TS14.format(checkIn.minusHours(20)));
        bidder.put("BIDDER_OPERATION_PERSON", SURNAMES[(i + 5) % SURNAMES.length] + "经办");
        bidder.put("BIDDER_OPERATION_PERSON_CON", String.format(Locale.ROOT, "139%08d", 5_910_000 + 4_271 * i));

        fingerprint.put("DATA_KEY", String.format(Locale.ROOT, "FP-2026-%06d", 3151 + i));
        fingerprint.put("BIDDER_NAME", name);
        fingerprint.put("BIDDER_ORG_CODE", code);
        fingerprint.put("BID_DOCUMENT_SIDE", Integer.toString(52_000_000 + 91_733 * i));
        fingerprint.put("BID_DOCUMENT_MD5", md5(code + "/" + name));
        fingerprint.put("TENDER_DOC_SUBMITTIME", TS14.format(checkIn));
        fingerprint.put("CPU_ID", String.format(Locale.ROOT, "BFEBFBFF%08X", 0x000906A0 + 0x1F1 * i));
        fingerprint.put("HARD_DISK_SERIAL_NUMBER", String.format(Locale.ROOT, "S4EVNX0R%06dK", 301_276 + 1_031 * i));
        fingerprint.put("NET_ID", String.format(Locale.ROOT, "36.248.%d.%d", 17 + i / 200, 1 + i % 200));
        fingerprint.put(
                "MAC_ADDRESS",
                String.format(
                        Locale.ROOT, "3C-7C-3F-%02X-%02X-%02X", (i >> 8) & 0xFF, i & 0xFF, (0x5A + 29 * i) & 0xFF));
        fingerprint.put(
                "TENDER_DOCUMENTS_URL",
                fingerprint.get("TENDER_DOCUMENTS_URL").asText().replaceAll("/\\d+$", "")
                        + String.format(Locale.ROOT, "/%04d", i + 1));
    }

    /**
     * Prices for {@code count} more bidders, in the order of the bidders: all above the scenario's prices and below the
     * ceiling, to the fen, with gaps (in sorted order) alternately short and long, so that no three neighbouring prices
     * are evenly spaced; the bidders get them shuffled.
     */
    private static List<BigDecimal> prices(List<SectionRecord> scenarioBidders, int count) {
        TreeSet<BigDecimal> all = new TreeSet<>();
        scenarioBidders.forEach(r -> all.add(r.decimal("BID_PRICE").orElseThrow()));
        BigDecimal range = CEILING_YUAN.subtract(all.last());
        Random random = new Random(20260415);
        double[] gaps = new double[count + 1];
        double sum = 0;
        for (int k = 0; k < gaps.length; k++) {
            gaps[k] = (k % 2 == 0 ? 0.4 : 1.5) + 0.1 * random.nextDouble();
            sum += gaps[k];
        }
        List<BigDecimal> prices = new ArrayList<>();
        BigDecimal price = all.last();
        for (int k = 0; k < count; k++) {
            price = price.add(range.multiply(BigDecimal.valueOf(gaps[k] / sum))).setScale(2, RoundingMode.DOWN);
            prices.add(price);
            all.add(price);
        }
        if (all.size() != scenarioBidders.size() + count || evenlySpacedSomewhere(all)) {
            throw new IllegalArgumentException(
                    "cannot price " + count + " more bidders below the ceiling without evenly spaced prices");
        }
        Collections.shuffle(prices, random);
        return prices;
    }

    private static boolean evenlySpacedSomewhere(TreeSet<BigDecimal> sorted) {
        BigDecimal[] p = sorted.toArray(BigDecimal[]::new);
        for (int i = 1; i + 1 < p.length; i++) {
            BigDecimal lower = p[i].subtract(p[i - 1]);
            BigDecimal upper = p[i + 1].subtract(p[i]);
            if (lower.subtract(upper).abs().compareTo(p[i].multiply(SPACING_MARGIN)) <= 0) {
                return true;
            }
        }
        return false;
    }

    /** A unified social credit code (USCC) with a valid check character: a company registered in the region. */
    static String uscc(String region, int i) {
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder body = new StringBuilder("91").append(region).append("MA");
        long n = 1_000_003L + 7_919L * i;
        char[] digits = new char[7];
        for (int k = digits.length - 1; k >= 0; k--) {
            digits[k] = charset.charAt((int) (n % charset.length()));
            n /= charset.length();
        }
        body.append(digits);
        return body.toString() + Uscc.checkCharacter(body.toString());
    }

    /** A resident identity number (GB 11643) with a valid check character: born in Fuzhou, 1965 to 1989. */
    static String identityNumber(int i) {
        String first17 = String.format(
                Locale.ROOT,
                "%s%04d%02d%02d%03d",
                REGIONS[(i * 5) % 7],
                1965 + i % 25,
                1 + i % 12,
                1 + (i * 7) % 28,
                100 + i % 900);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * weights[k];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** The opening's and the report's text give the count of bidders. */
    private static SectionRecord countOfBidders(SectionRecord record, int bidders) {
        String field =
                switch (record.dataset()) {
                    case "gcjs.bid-opening" -> "BID_OPENING_CONTENT";
                    case "gcjs.evaluation-report" -> "EVALUATION_CONTENT";
                    default -> null;
                };
        if (field == null || bidders == SCENARIO_BIDDERS) {
            return record;
        }
        ObjectNode payload = record.payload().deepCopy();
        payload.put(
                field,
                payload.get(field)
                        .asText()
                        .replace("共 4 家", "共 " + bidders + " 家")
                        .replace("4 家投标人均", bidders + " 家投标人均"));
        return new SectionRecord(
                record.dataset(),
                record.platformCode(),
                record.dataKey(),
                record.recordId(),
                record.receivedAt(),
                payload);
    }

    /** Whether the lifecycle attaches a record to the section: its project, and the section or no section at all. */
    private static boolean belongs(Dataset.Subject subject, JsonNode record, String project, String section) {
        if (subject.project() == null || !project.equals(text(record, subject.project()))) {
            return false;
        }
        List<String> sections = new ArrayList<>();
        for (String field : Arrays.asList(subject.section(), subject.sections())) {
            String codes = field == null ? null : text(record, field);
            if (codes != null) {
                Arrays.stream(codes.split("[;；,，]"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .forEach(sections::add);
            }
        }
        return sections.isEmpty() || sections.contains(section);
    }

    private static SectionRecord record(String dataset, String platform, Instant at, ObjectNode payload) {
        String dataKey = payload.get("DATA_KEY").asText();
        return new SectionRecord(dataset, platform, dataKey, dataset + "/" + dataKey, at, payload);
    }

    private static String sectionCode(JsonNode scenario) {
        for (JsonNode step : scenario.get("steps")) {
            if (step.get("dataset").asText().equals("gcjs.bid-section")) {
                return step.get("record").get("BID_SECTION_CODE").asText();
            }
        }
        throw new IllegalStateException("the scenario has no bid section");
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank()
                ? null
                : value.asText().strip();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode scenario() {
        try (InputStream in = SectionFixtures.class.getClassLoader().getResourceAsStream(SCENARIO)) {
            if (in == null) {
                throw new IllegalStateException("scenario missing from the class path: " + SCENARIO);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCENARIO, e);
        }
    }

    private static <T> T bind(String prefix, Class<T> type) {
        Map<String, String> none = new HashMap<>();
        return new Binder(new MapConfigurationPropertySource(none)).bindOrCreate(prefix, type);
    }
}
