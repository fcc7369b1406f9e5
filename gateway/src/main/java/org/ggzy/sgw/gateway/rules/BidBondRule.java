package org.ggzy.sgw.gateway.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * P04 {@code BID_BOND_TOO_HIGH}: a tender document's bid bond ({@code MARGIN_AMOUNT} in {@code MARGIN_AMOUNT_UNIT})
 * above {@code bond-max-percent} (2 %) of the section's estimated contract price ({@code CONTRACT_RECKON_PRICE} of
 * {@code gcjs.bid-section}, in {@code PRICE_UNIT}); both normalised to yuan (0 元, 1 万元, yuan when absent).
 * 招标投标法实施条例 第二十六条 applies to every tender. Nothing is found before the bid section is known, for a bond
 * given only as a rate ({@code MARGIN_PERCENT}), or for an estimated price that is not positive. Every tender
 * document is checked; the highest bond in percent gives the finding.
 */
final class BidBondRule extends SectionRule {

    static final String BID_SECTION = "gcjs.bid-section";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal maxPercent;

    BidBondRule(ProcedureProperties properties) {
        super(
                "P04",
                "BID_BOND_TOO_HIGH",
                properties.severity().bidBondTooHigh(),
                "《中华人民共和国招标投标法实施条例》第二十六条",
                Set.of(ClarificationRule.TENDER_DOCUMENT, BID_SECTION));
        this.maxPercent = properties.bondMaxPercent();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord section : state.all(BID_SECTION)) {
            Optional<BigDecimal> price = Yuan.of(section, "CONTRACT_RECKON_PRICE", "PRICE_UNIT");
            if (price.isEmpty() || price.get().signum() <= 0) {
                continue;
            }
            for (SectionRecord document : state.all(ClarificationRule.TENDER_DOCUMENT)) {
                check(document, section, price.get()).ifPresent(offences::add);
            }
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(SectionRecord document, SectionRecord section, BigDecimal price) {
        Optional<BigDecimal> bond = Yuan.of(document, "MARGIN_AMOUNT", "MARGIN_AMOUNT_UNIT");
        BigDecimal limit = price.multiply(maxPercent).divide(HUNDRED);
        if (bond.isEmpty() || bond.get().compareTo(limit) <= 0) {
            return Optional.empty();
        }
        BigDecimal percent = bond.get().multiply(HUNDRED).divide(price, 4, RoundingMode.HALF_UP);
        String shown = Yuan.plain(percent);
        Evidence evidence = new Evidence()
                .fields(document, "DOC_NO", "MARGIN_AMOUNT", "MARGIN_AMOUNT_UNIT")
                .fields(section, "CONTRACT_RECKON_PRICE", "PRICE_UNIT")
                .put("marginYuan", bond.get())
                .put("reckonPriceYuan", price)
                .put("marginPercent", percent)
                .put("maxPercent", maxPercent)
                .put("limitYuan", limit);
        String bondText = Yuan.plain(bond.get());
        String priceText = Yuan.plain(price);
        String maxText = Yuan.plain(maxPercent);
        String limitText = Yuan.plain(limit);
        Finding finding = finding(
                document.dataset(),
                "Bid bond MARGIN_AMOUNT %s yuan exceeds %s%% of CONTRACT_RECKON_PRICE %s yuan (%s yuan): it is %s%%"
                        .formatted(bondText, maxText, priceText, limitText, shown),
                "投标保证金 %s 元超过标段合同估算价 %s 元的 %s%%(%s 元)，为其 %s%%"
                        .formatted(bondText, priceText, maxText, limitText, shown),
                evidence,
                List.of(document.recordId(), section.recordId()));
        return Optional.of(new Offence(percent, document, finding));
    }
}
