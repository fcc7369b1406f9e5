package org.ggzy.sgw.gateway.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every statutory-procedure, archive and collusion rule of rules.md that runs on a section's state, built from their
 * configuration, and which of them a record of a data set makes run again. The timeliness rules, the deadline
 * scanner's rules and the credit check live elsewhere.
 */
@Component
public class RuleBook {

    private final List<Rule> rules;
    private final Map<String, List<Rule>> byInput;

    public RuleBook(ProcedureProperties procedure, ArchiveProperties archive, CollusionProperties collusion) {
        this.rules = List.of(
                new BidPeriodRule(procedure),
                new DocSaleRule(procedure),
                new ClarificationRule(procedure),
                new BidBondRule(procedure),
                new TooFewBiddersRule(procedure),
                new CommitteeRule(procedure),
                new PublicityLateRule(procedure),
                new PublicityShortRule(procedure),
                new ContractLateRule(procedure),
                new WinnerNotABidderRule(procedure),
                new WinPriceRule(procedure),
                new FirstCandidateRule(procedure),
                new ZfcgBidPeriodRule(procedure),
                new ZfcgContractLateRule(procedure),
                new ComplaintAcceptRule(procedure),
                new ComplaintDecisionRule(procedure),
                new AvArchiveLateRule(archive),
                new AvCopiesRule(archive),
                new AvRetentionRule(archive),
                new SharedDeviceRule(collusion),
                new IdenticalPricesRule(collusion),
                new SharedManagerRule(collusion),
                new ArithmeticPricesRule(collusion));
        Set<String> datasets = rules.stream().flatMap(r -> r.inputs().stream()).collect(Collectors.toSet());
        this.byInput = datasets.stream().collect(Collectors.toUnmodifiableMap(d -> d, d -> rules.stream()
                .filter(r -> r.inputs().contains(d))
                .toList()));
    }

    /** Every rule, in catalogue order. */
    public List<Rule> all() {
        return rules;
    }

    /** The rules a record of the data set may change the result of, in catalogue order; empty for other data sets. */
    public List<Rule> triggeredBy(String dataset) {
        return byInput.getOrDefault(dataset, List.of());
    }

    /** Every finding of every rule for the section now (for a full re-evaluation). */
    public List<Finding> evaluateAll(SectionState state, RuleContext context) {
        return rules.stream().flatMap(r -> r.evaluate(state, context).stream()).toList();
    }

    @Override
    public String toString() {
        return "RuleBook" + rules.stream().map(Rule::id).toList();
    }
}
