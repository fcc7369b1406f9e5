package org.ggzy.sgw.gateway.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * R03 {@code SHARED_PROJECT_MANAGER}: at least two different bidders ({@link Bidders}) of the section name the same
 * project manager (the identity document number {@code PM_CODE}): 招标投标法实施条例 第四十条第（三）项. The
 * document number is personal data, so evidence and messages show it masked (e.g. {@code 3501**********4512}) with
 * the managers' names ({@code BID_MANAGER}) as given.
 */
final class SharedManagerRule extends SectionRule {

    SharedManagerRule(CollusionProperties properties) {
        super(
                "R03",
                "SHARED_PROJECT_MANAGER",
                properties.severity().sharedProjectManager(),
                Collusion.ARTICLE_40 + "第（三）项",
                Set.of(Bidders.DATASET));
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<SectionRecord> bids = state.all(Bidders.DATASET);
        Map<String, Set<String>> groups = Collusion.shared(bids, Bidders::key, r -> {
            String code = r.text("PM_CODE");
            return code == null ? Set.of() : Set.of(code.toUpperCase(Locale.ROOT));
        });
        if (groups.isEmpty()) {
            return List.of();
        }
        Set<String> bidders = Collusion.bidders(groups);
        List<Map<String, Object>> shared = new ArrayList<>();
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        groups.forEach((code, who) -> {
            String masked = mask(code);
            List<String> names = managers(bids, code);
            shared.add(Map.of("PM_CODE", masked, "BID_MANAGER", names, "BIDDER_ORG_CODE", List.copyOf(who)));
            en.add("PM_CODE " + masked + " (" + String.join(", ", names) + ") for " + String.join(", ", who));
            zh.add(String.join("、", who) + " 的项目负责人均为 " + String.join("、", names) + "(" + masked + ")");
        });
        Evidence evidence = new Evidence()
                .put("shared", List.copyOf(shared))
                .put("BIDDER_ORG_CODE", List.copyOf(bidders))
                .put("bidders", bidders.size());
        return List.of(finding(
                Bidders.DATASET,
                "%d bidders name the same project manager: %s".formatted(bidders.size(), String.join("; ", en)),
                "%d 个投标人的投标文件载明的项目负责人为同一人(%s)".formatted(bidders.size(), String.join("；", zh)),
                evidence,
                Collusion.recordIds(bids, Bidders::key, bidders)));
    }

    /** The names ({@code BID_MANAGER}) given for a project manager's document number, sorted. */
    private static List<String> managers(List<SectionRecord> bids, String code) {
        Set<String> names = new TreeSet<>();
        bids.stream()
                .filter(r -> code.equalsIgnoreCase(String.valueOf(r.text("PM_CODE"))))
                .map(r -> r.text("BID_MANAGER"))
                .filter(name -> name != null)
                .forEach(names::add);
        return List.copyOf(names);
    }

    /** The first and last four characters of a document number, the rest as {@code *}. */
    static String mask(String code) {
        if (code.length() <= 8) {
            return code.charAt(0) + "*".repeat(code.length() - 1);
        }
        return code.substring(0, 4) + "*".repeat(code.length() - 8) + code.substring(code.length() - 4);
    }
}
