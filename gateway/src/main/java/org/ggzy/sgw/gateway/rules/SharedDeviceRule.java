package org.ggzy.sgw.gateway.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * R01 {@code SHARED_DEVICE_FINGERPRINT}: the bid files ({@code gcjs.bid-file-fingerprint}) of at least two different
 * bidders ({@code BIDDER_ORG_CODE}) of the section were made on a computer with the same network card
 * ({@code MAC_ADDRESS}), processor ({@code CPU_ID}) or disk ({@code HARD_DISK_SERIAL_NUMBER}): 招标投标法实施条例
 * 第四十条第（一）项, bid files made by the same person. Each field may list several values ({@code ;} or
 * {@code ,}); MAC addresses are compared without separators. Placeholder values (one character repeated, such as
 * {@code 000000000000} or {@code FFFFFFFFFFFF}, or {@code NULL}, {@code NONE}, {@code UNKNOWN}) are ignored: they
 * tell nothing about the machine. A processor id identifies a processor model rather than a machine on some
 * platforms, so this flag asks a regulator to look, it does not prove collusion.
 */
final class SharedDeviceRule extends SectionRule {

    static final String FINGERPRINT = "gcjs.bid-file-fingerprint";

    private static final List<String> FIELDS = List.of("MAC_ADDRESS", "CPU_ID", "HARD_DISK_SERIAL_NUMBER");
    private static final Set<String> PLACEHOLDERS = Set.of("NULL", "NONE", "UNKNOWN", "N/A", "NA", "DEFAULT");
    private static final Pattern REPEATED = Pattern.compile("(.)\\1*");
    private static final Function<SectionRecord, String> BIDDER = Bidders::key;

    SharedDeviceRule(CollusionProperties properties) {
        super(
                "R01",
                "SHARED_DEVICE_FINGERPRINT",
                properties.severity().sharedDeviceFingerprint(),
                Collusion.ARTICLE_40 + "第（一）项",
                Set.of(FINGERPRINT));
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<SectionRecord> files = state.all(FINGERPRINT);
        List<Map<String, Object>> shared = new ArrayList<>();
        List<String> details = new ArrayList<>();
        Set<String> bidders = new TreeSet<>();
        for (String field : FIELDS) {
            Map<String, Set<String>> groups = Collusion.shared(files, BIDDER, r -> values(r, field));
            groups.forEach((value, who) -> {
                shared.add(Map.of("field", field, "value", value, "BIDDER_ORG_CODE", List.copyOf(who)));
                details.add(field + " " + value + " (" + String.join(", ", who) + ")");
            });
            bidders.addAll(Collusion.bidders(groups));
        }
        if (bidders.isEmpty()) {
            return List.of();
        }
        Evidence evidence = new Evidence()
                .put("shared", List.copyOf(shared))
                .put("BIDDER_ORG_CODE", List.copyOf(bidders))
                .put("bidders", bidders.size());
        return List.of(finding(
                FINGERPRINT,
                "Bid files of %d bidders were made on the same computer: %s"
                        .formatted(bidders.size(), String.join("; ", details)),
                "%d 个投标人(%s)的投标文件制作设备特征码相同(%s)，疑似由同一单位或者个人编制"
                        .formatted(bidders.size(), String.join("、", bidders), String.join("；", details)),
                evidence,
                Collusion.recordIds(files, BIDDER, bidders)));
    }

    private static Set<String> values(SectionRecord file, String field) {
        return file.codes(field).stream()
                .map(v -> field.equals("MAC_ADDRESS") ? v.replace("-", "").replace(":", "") : v)
                .map(v -> v.toUpperCase(Locale.ROOT))
                .filter(v -> !PLACEHOLDERS.contains(v) && !REPEATED.matcher(v).matches())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
