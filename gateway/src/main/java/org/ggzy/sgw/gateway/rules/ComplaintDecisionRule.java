package org.ggzy.sgw.gateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * P14 {@code COMPLAINT_DECISION_LATE}: a complaint decided ({@code HANDLE_DATE}) more than
 * {@code complaint-decision-max-working-days} (30) working days after it was accepted ({@code ACCEPT_DATE}), counted
 * with the holiday calendar of {@link RuleContext#workingDays()} (招标投标法实施条例 第六十一条). This is the part of
 * P14 that the records show; a decision that has not arrived at all is the deadline scanner's. Every complaint of the
 * section is checked; the longest delay gives the finding.
 */
final class ComplaintDecisionRule extends SectionRule {

    private final int maxWorkingDays;

    ComplaintDecisionRule(ProcedureProperties properties) {
        super(
                "P14",
                "COMPLAINT_DECISION_LATE",
                properties.severity().complaintDecisionLate(),
                "《中华人民共和国招标投标法实施条例》第六十一条",
                Set.of(ComplaintAcceptRule.COMPLAINT));
        this.maxWorkingDays = properties.complaintDecisionMaxWorkingDays();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord complaint : state.all(ComplaintAcceptRule.COMPLAINT)) {
            check(complaint, context).ifPresent(offences::add);
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(SectionRecord complaint, RuleContext context) {
        Optional<LocalDate> accepted = complaint.date("ACCEPT_DATE");
        Optional<LocalDate> handled = complaint.date("HANDLE_DATE");
        if (accepted.isEmpty() || handled.isEmpty()) {
            return Optional.empty();
        }
        int days = context.workingDays().workingDaysBetween(accepted.get(), handled.get());
        if (days <= maxWorkingDays) {
            return Optional.empty();
        }
        String from = Periods.d8(accepted.get());
        String to = Periods.d8(handled.get());
        Evidence evidence = new Evidence()
                .fields(complaint, "ACCEPT_DATE", "HANDLE_DATE")
                .put("workingDays", days)
                .put("maxWorkingDays", maxWorkingDays);
        Finding finding = finding(
                ComplaintAcceptRule.COMPLAINT,
                "Complaint decided %d working days after it was accepted: ACCEPT_DATE %s, HANDLE_DATE %s; at most %d allowed"
                        .formatted(days, from, to, maxWorkingDays),
                "自受理投诉之日(%s)起 %d 个工作日才作出书面处理决定(%s)，超过 %d 个工作日".formatted(from, days, to, maxWorkingDays),
                evidence,
                List.of(complaint.recordId()));
        return Optional.of(Offence.of(days - maxWorkingDays, complaint, finding));
    }
}
