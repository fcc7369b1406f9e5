package org.ggzy.sgw.gateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * P13 {@code COMPLAINT_ACCEPT_LATE}: a complaint ({@code gcjs.complaint}) accepted ({@code ACCEPT_DATE}) more than
 * {@code complaint-accept-max-working-days} (3) working days after it was lodged ({@code COMPLAINT_DATE}), counted
 * with the holiday calendar of {@link RuleContext#workingDays()} (招标投标法实施条例 第六十一条). Every complaint of
 * the section is checked; the longest delay gives the finding.
 */
final class ComplaintAcceptRule extends SectionRule {

    static final String COMPLAINT = "gcjs.complaint";

    private final int maxWorkingDays;

    ComplaintAcceptRule(ProcedureProperties properties) {
        super(
                "P13",
                "COMPLAINT_ACCEPT_LATE",
                properties.severity().complaintAcceptLate(),
                "《中华人民共和国招标投标法实施条例》第六十一条",
                Set.of(COMPLAINT));
        this.maxWorkingDays = properties.complaintAcceptMaxWorkingDays();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord complaint : state.all(COMPLAINT)) {
            check(complaint, context).ifPresent(offences::add);
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(SectionRecord complaint, RuleContext context) {
        Optional<LocalDate> lodged = complaint.date("COMPLAINT_DATE");
        Optional<LocalDate> accepted = complaint.date("ACCEPT_DATE");
        if (lodged.isEmpty() || accepted.isEmpty()) {
            return Optional.empty();
        }
        int days = context.workingDays().workingDaysBetween(lodged.get(), accepted.get());
        if (days <= maxWorkingDays) {
            return Optional.empty();
        }
        String from = Periods.d8(lodged.get());
        String to = Periods.d8(accepted.get());
        Evidence evidence = new Evidence()
                .fields(complaint, "COMPLAINT_DATE", "ACCEPT_DATE")
                .put("workingDays", days)
                .put("maxWorkingDays", maxWorkingDays);
        Finding finding = finding(
                COMPLAINT,
                "Complaint accepted %d working days after it was lodged: COMPLAINT_DATE %s, ACCEPT_DATE %s; at most %d allowed"
                        .formatted(days, from, to, maxWorkingDays),
                "自收到投诉之日(%s)起 %d 个工作日才决定受理(%s)，超过 %d 个工作日".formatted(from, days, to, maxWorkingDays),
                evidence,
                List.of(complaint.recordId()));
        return Optional.of(Offence.of(days - maxWorkingDays, complaint, finding));
    }
}
