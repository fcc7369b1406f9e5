package org.ggzy.sgw.gateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * P09 {@code CONTRACT_TOO_LATE}: a contract signed ({@code CONTRACT_SIGN_TIME}) more than {@code contract-max-days}
 * (30) calendar days after the letter of award was sent ({@code WIN_NOTICE_SEND_TIME} of {@code gcjs.win-notice}).
 * 招标投标法 第四十六条 applies to every tender. Each contract is measured from the latest letter sent on or before
 * its signing day (a letter re-issued to another winner starts the period again); a contract with no letter before
 * it is not measured. The longest delay gives the finding.
 */
final class ContractLateRule extends SectionRule {

    static final String WIN_NOTICE = "gcjs.win-notice";
    static final String CONTRACT = "gcjs.contract";

    private final int maxDays;

    ContractLateRule(ProcedureProperties properties) {
        super(
                "P09",
                "CONTRACT_TOO_LATE",
                properties.severity().contractTooLate(),
                "《中华人民共和国招标投标法》第四十六条",
                Set.of(WIN_NOTICE, CONTRACT));
        this.maxDays = properties.contractMaxDays();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<SectionRecord> notices = state.all(WIN_NOTICE);
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord contract : state.all(CONTRACT)) {
            check(notices, contract).ifPresent(offences::add);
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(List<SectionRecord> notices, SectionRecord contract) {
        Optional<LocalDate> signed = contract.date("CONTRACT_SIGN_TIME");
        Optional<SectionRecord> notice =
                signed.flatMap(day -> Chronology.latestOnOrBefore(notices, "WIN_NOTICE_SEND_TIME", day));
        if (notice.isEmpty()) {
            return Optional.empty();
        }
        LocalDate sent = notice.get().date("WIN_NOTICE_SEND_TIME").orElseThrow();
        int days = Periods.days(sent, signed.get());
        if (days <= maxDays) {
            return Optional.empty();
        }
        String from = Periods.d8(sent);
        String to = Periods.d8(signed.get());
        Evidence evidence = new Evidence()
                .fields(notice.get(), "WIN_NOTICE_CODE", "WIN_NOTICE_SEND_TIME")
                .fields(contract, "CONTRACT_CODE", "CONTRACT_SIGN_TIME")
                .put("days", days)
                .put("maxDays", maxDays);
        Finding finding = finding(
                CONTRACT,
                "Contract signed %d days after the letter of award: WIN_NOTICE_SEND_TIME %s, CONTRACT_SIGN_TIME %s; at most %d allowed"
                        .formatted(days, from, to, maxDays),
                "自中标通知书发出之日(%s)起 %d 日才订立书面合同(%s)，超过 %d 日".formatted(from, days, to, maxDays),
                evidence,
                List.of(contract.recordId(), notice.get().recordId()));
        return Optional.of(Offence.of(days - maxDays, contract, finding));
    }
}
