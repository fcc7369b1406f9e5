package org.ggzy.sgw.gateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * P03 {@code CLARIFICATION_TOO_LATE}: a clarification or amendment (a tender document with a non-blank
 * {@code CLARIFY_CONTENT}) issued fewer than {@code clarification-days} (15) calendar days before the bid deadline
 * ({@code CLARIFY_TIME} to {@code BID_DOC_REFER_END_TIME}) without postponing it ({@code IS_POSTPONE} not
 * {@code 1}). 招标投标法实施条例 第二十一条 applies to every tender. Each clarification is checked on its own (a later
 * postponement does not excuse an earlier late clarification: rules.md looks only at the document's own flag).
 */
final class ClarificationRule extends SectionRule {

    static final String TENDER_DOCUMENT = "gcjs.tender-document";

    private final int minDays;

    ClarificationRule(ProcedureProperties properties) {
        super(
                "P03",
                "CLARIFICATION_TOO_LATE",
                properties.severity().clarificationTooLate(),
                "《中华人民共和国招标投标法实施条例》第二十一条",
                Set.of(TENDER_DOCUMENT));
        this.minDays = properties.clarificationDays();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord document : state.all(TENDER_DOCUMENT)) {
            if (document.text("CLARIFY_CONTENT") != null && !"1".equals(document.text("IS_POSTPONE"))) {
                check(document).ifPresent(offences::add);
            }
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(SectionRecord document) {
        Optional<LocalDate> clarified = document.date("CLARIFY_TIME");
        Optional<LocalDate> deadline = document.date("BID_DOC_REFER_END_TIME");
        if (clarified.isEmpty() || deadline.isEmpty()) {
            return Optional.empty();
        }
        int days = Periods.days(clarified.get(), deadline.get());
        if (days >= minDays) {
            return Optional.empty();
        }
        String from = Periods.d8(clarified.get());
        String to = Periods.d8(deadline.get());
        Evidence evidence = new Evidence()
                .fields(document, "DOC_NO", "CLARIFY_TIME", "BID_DOC_REFER_END_TIME", "IS_POSTPONE")
                .put("days", days)
                .put("minDays", minDays);
        Finding finding = finding(
                document.dataset(),
                ("Clarification issued on CLARIFY_TIME %s, only %d days before BID_DOC_REFER_END_TIME %s, without"
                                + " postponing the deadline; at least %d required")
                        .formatted(from, days, to, minDays),
                "澄清或者修改发出之日(%s)距投标截止时间(%s)仅 %d 日，不足 %d 日且未顺延投标截止时间".formatted(from, to, days, minDays),
                evidence,
                List.of(document.recordId()));
        return Optional.of(Offence.of(minDays - days, document, finding));
    }
}
