package org.ggzy.sgw.gateway.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * P11 {@code WIN_PRICE_MISMATCH}: a win result's amount ({@code BID_AMOUNT} in {@code PRICE_UNIT}) differs by more
 * than {@code price-tolerance} (0.01 yuan) from the winner's bid: the {@code BID_PRICE} of the winner's bidder record
 * (see {@link Bidders#find}) and, when the publicity the result follows names the winner as a candidate with a price,
 * that candidate price too. Amounts are normalised to yuan. Results priced as a rate ({@code PRICE_FORM_CODE} not
 * {@code 1}), and winners with no price to compare with, are not checked; a winner that is no bidder is P10's. An
 * authenticity (真实性) check; the largest difference gives the finding.
 */
final class WinPriceRule extends SectionRule {

    private final BigDecimal tolerance;

    WinPriceRule(ProcedureProperties properties) {
        super(
                "P11",
                "WIN_PRICE_MISMATCH",
                properties.severity().winPriceMismatch(),
                Authenticity.BASIS,
                Set.of(WinnerNotABidderRule.WIN_RESULT, Bidders.DATASET, PublicityLateRule.PUBLICITY));
        this.tolerance = properties.priceTolerance();
    }

    /** A price the winning amount is compared with: where it comes from, and its value in yuan. */
    private record Quoted(SectionRecord record, String field, BigDecimal yuan) {}

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord result : state.all(WinnerNotABidderRule.WIN_RESULT)) {
            Optional<BigDecimal> amount = Yuan.of(result, "BID_AMOUNT", "PRICE_UNIT");
            String form = result.text("PRICE_FORM_CODE");
            if (amount.isPresent() && (form == null || form.equals("1"))) {
                check(state, result, amount.get()).ifPresent(offences::add);
            }
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(SectionState state, SectionRecord result, BigDecimal amount) {
        List<Quoted> quotes = quotes(state, result);
        Optional<Quoted> worst = quotes.stream()
                .filter(q -> difference(amount, q).compareTo(tolerance) > 0)
                .max((a, b) -> difference(amount, a).compareTo(difference(amount, b)));
        if (worst.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal difference = difference(amount, worst.get());
        return Optional.of(new Offence(difference, result, finding(result, amount, quotes, worst.get())));
    }

    /** The winner's bid price and published candidate price, those that are known. */
    private static List<Quoted> quotes(SectionState state, SectionRecord result) {
        List<String> winner = result.codes("WIN_BIDDER_CODE");
        List<Quoted> quotes = new ArrayList<>();
        Bidders.find(state, winner)
                .flatMap(b -> Yuan.of(b, "BID_PRICE", "PRICE_UNIT").map(p -> new Quoted(b, "BID_PRICE", p)))
                .ifPresent(quotes::add);
        Candidate.publicityOf(state, result)
                .flatMap(p -> Candidate.winner(p, winner)
                        .flatMap(c -> c.priceYuan().map(y -> new Quoted(p, c.prefix() + "_BIDDER_PRICE", y))))
                .ifPresent(quotes::add);
        return quotes;
    }

    private Finding finding(SectionRecord result, BigDecimal amount, List<Quoted> quotes, Quoted worst) {
        BigDecimal difference = difference(amount, worst);
        Evidence evidence = new Evidence()
                .fields(result, "WIN_BIDDER_CODE", "BID_AMOUNT", "PRICE_UNIT")
                .put("bidAmountYuan", amount);
        List<String> ids = new ArrayList<>(List.of(result.recordId()));
        for (Quoted quote : quotes) {
            evidence.put(quote.field(), quote.record().text(quote.field()))
                    .put(camel(quote.field()) + "Yuan", quote.yuan());
            ids.add(quote.record().recordId());
        }
        evidence.put("differenceYuan", difference).put("toleranceYuan", tolerance);
        boolean bidder = worst.field().equals("BID_PRICE");
        String quoted = Yuan.plain(worst.yuan());
        return finding(
                WinnerNotABidderRule.WIN_RESULT,
                "Winning amount BID_AMOUNT %s yuan differs from the winner's %s%s %s yuan by %s yuan"
                        .formatted(
                                Yuan.plain(amount),
                                bidder ? "" : "candidate price ",
                                worst.field(),
                                quoted,
                                Yuan.plain(difference)),
                "中标金额 %s 元与%s %s 元不一致，相差 %s 元"
                        .formatted(
                                Yuan.plain(amount),
                                bidder ? "中标人的投标报价" : "公示的该中标候选人投标报价",
                                quoted,
                                Yuan.plain(difference)),
                evidence,
                ids);
    }

    private static BigDecimal difference(BigDecimal amount, Quoted quote) {
        return amount.subtract(quote.yuan()).abs();
    }

    /** {@code FIRST_BIDDER_PRICE} as {@code firstBidderPrice}. */
    private static String camel(String field) {
        StringBuilder camel = new StringBuilder();
        for (String word : field.toLowerCase(Locale.ROOT).split("_")) {
            camel.append(camel.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return camel.toString();
    }
}
