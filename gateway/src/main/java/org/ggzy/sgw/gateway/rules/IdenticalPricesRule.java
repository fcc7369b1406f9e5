package org.ggzy.sgw.gateway.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * R02 {@code IDENTICAL_BID_PRICES}: at least two different bidders ({@link Bidders}) of the section bid the same
 * price ({@code BID_PRICE} normalised to yuan by {@code PRICE_UNIT}; bids priced as a rate have none): 招标投标法实施条例
 * 第四十条第（四）项, bids unusually alike. One finding lists every shared price.
 */
final class IdenticalPricesRule extends SectionRule {

    IdenticalPricesRule(CollusionProperties properties) {
        super(
                "R02",
                "IDENTICAL_BID_PRICES",
                properties.severity().identicalBidPrices(),
                Collusion.ARTICLE_40 + "第（四）项",
                Set.of(Bidders.DATASET));
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<SectionRecord> bids = state.all(Bidders.DATASET);
        Map<String, Set<String>> groups =
                Collusion.shared(bids, Bidders::key, r -> Yuan.of(r, "BID_PRICE", "PRICE_UNIT")
                        .map(Yuan::plain)
                        .map(Set::of)
                        .orElse(Set.of()));
        if (groups.isEmpty()) {
            return List.of();
        }
        Set<String> bidders = Collusion.bidders(groups);
        List<Map<String, Object>> shared = new ArrayList<>();
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        groups.forEach((price, who) -> {
            shared.add(Map.of("priceYuan", price, "BIDDER_ORG_CODE", List.copyOf(who)));
            en.add(price + " yuan by " + String.join(", ", who));
            zh.add(String.join("、", who) + " 均报价 " + price + " 元");
        });
        Evidence evidence = new Evidence()
                .put("shared", List.copyOf(shared))
                .put("BIDDER_ORG_CODE", List.copyOf(bidders))
                .put("bidders", bidders.size());
        return List.of(finding(
                Bidders.DATASET,
                "%d bidders bid identical prices: %s".formatted(bidders.size(), String.join("; ", en)),
                "%d 个投标人投标报价相同(%s)，疑似投标文件异常一致".formatted(bidders.size(), String.join("；", zh)),
                evidence,
                Collusion.recordIds(bids, Bidders::key, bidders)));
    }
}
