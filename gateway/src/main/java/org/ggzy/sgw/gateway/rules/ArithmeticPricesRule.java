package org.ggzy.sgw.gateway.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * R04 {@code ARITHMETIC_BID_PRICES}: at least {@code arithmetic-min-bidders} (3) different bidders ({@link Bidders})
 * whose prices, sorted, are evenly spaced: neighbouring prices of the sorted list ({@code BID_PRICE} in yuan; a
 * bidder with several records counts with its latest by {@code CHECKIN_TIME}) form a run in which every two
 * consecutive gaps are positive and differ by at most {@code arithmetic-tolerance-percent} (0.01 %) of the price
 * between them. 招标投标法实施条例 第四十条第（四）项, prices that differ by a pattern. Identical prices are R02's.
 * The longest run (the lowest prices among equally long ones) gives the finding.
 */
final class ArithmeticPricesRule extends SectionRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal tolerancePercent;
    private final int minBidders;

    ArithmeticPricesRule(CollusionProperties properties) {
        super(
                "R04",
                "ARITHMETIC_BID_PRICES",
                properties.severity().arithmeticBidPrices(),
                Collusion.ARTICLE_40 + "第（四）项",
                Set.of(Bidders.DATASET));
        this.tolerancePercent = properties.arithmeticTolerancePercent();
        this.minBidders = properties.arithmeticMinBidders();
    }

    /** One bidder's price. */
    private record Bid(String bidder, BigDecimal yuan, SectionRecord record) {}

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<Bid> bids = bids(Bidders.byBidder(state));
        int bestStart = -1;
        int bestLength = 0;
        int start = 0;
        while (start + 2 < bids.size()) {
            int end = start + 1;
            while (end + 1 < bids.size() && evenlySpaced(bids.get(end - 1), bids.get(end), bids.get(end + 1))) {
                end++;
            }
            int length = end - start + 1;
            if (length >= minBidders && length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
            start = end > start + 1 ? end : start + 1;
        }
        return bestStart < 0 ? List.of() : List.of(finding(bids.subList(bestStart, bestStart + bestLength)));
    }

    private static List<Bid> bids(Map<String, List<SectionRecord>> byBidder) {
        List<Bid> bids = new ArrayList<>();
        byBidder.forEach((bidder, records) -> {
            Optional<SectionRecord> latest = records.stream()
                    .filter(r -> r.decimal("BID_PRICE").isPresent())
                    .max(Chronology.by("CHECKIN_TIME"));
            latest.ifPresent(r -> bids.add(
                    new Bid(bidder, Yuan.of(r, "BID_PRICE", "PRICE_UNIT").orElseThrow(), r)));
        });
        bids.sort(Comparator.comparing(Bid::yuan).thenComparing(Bid::bidder));
        return bids;
    }

    private boolean evenlySpaced(Bid low, Bid middle, Bid high) {
        BigDecimal lower = middle.yuan().subtract(low.yuan());
        BigDecimal upper = high.yuan().subtract(middle.yuan());
        if (lower.signum() <= 0 || upper.signum() <= 0) {
            return false;
        }
        BigDecimal allowed = middle.yuan().multiply(tolerancePercent).divide(HUNDRED);
        return lower.subtract(upper).abs().compareTo(allowed) <= 0;
    }

    private Finding finding(List<Bid> run) {
        List<String> prices = run.stream().map(b -> Yuan.plain(b.yuan())).toList();
        List<String> bidders = run.stream().map(Bid::bidder).toList();
        List<String> gaps = new ArrayList<>();
        for (int i = 1; i < run.size(); i++) {
            gaps.add(Yuan.plain(run.get(i).yuan().subtract(run.get(i - 1).yuan())));
        }
        Evidence evidence = new Evidence()
                .put("BID_PRICE", prices)
                .put("BIDDER_ORG_CODE", bidders)
                .put("gapsYuan", List.copyOf(gaps))
                .put("tolerancePercent", tolerancePercent)
                .put("bidders", run.size());
        return finding(
                Bidders.DATASET,
                "%d bidders' prices are evenly spaced: %s yuan (gaps %s yuan; bidders %s)"
                        .formatted(
                                run.size(),
                                String.join(", ", prices),
                                String.join(", ", gaps),
                                String.join(", ", bidders)),
                "%d 个投标人(%s)的投标报价呈等差排列(%s 元，间距 %s 元)，疑似投标报价呈规律性差异"
                        .formatted(
                                run.size(),
                                String.join("、", bidders),
                                String.join("、", prices),
                                String.join("、", gaps)),
                evidence,
                run.stream().map(b -> b.record().recordId()).toList());
    }
}
