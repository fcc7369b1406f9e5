package org.ggzy.sgw.gateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Z02 {@code ZFCG_CONTRACT_TOO_LATE}: a government procurement contract signed ({@code SIGNING_TIME}) more than
 * {@code zfcg-contract-max-days} (30) calendar days after the award announcement ({@code WIN_BID_BULLETIN_START_TIME}
 * of {@code zfcg.purchase-result}; 政府采购法 第四十六条 counts from the award notice, which is issued with the
 * announcement). Each contract is measured from the latest announcement on or before its signing day; a contract
 * with no announcement before it is not measured. The longest delay gives the finding.
 */
final class ZfcgContractLateRule extends SectionRule {

    static final String PURCHASE_RESULT = "zfcg.purchase-result";
    static final String PURCHASE_CONTRACT = "zfcg.purchase-contract";

    private final int maxDays;

    ZfcgContractLateRule(ProcedureProperties properties) {
        super(
                "Z02",
                "ZFCG_CONTRACT_TOO_LATE",
                properties.severity().zfcgContractTooLate(),
                "《中华人民共和国政府采购法》第四十六条",
                Set.of(PURCHASE_RESULT, PURCHASE_CONTRACT));
        this.maxDays = properties.zfcgContractMaxDays();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<SectionRecord> results = state.all(PURCHASE_RESULT);
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord contract : state.all(PURCHASE_CONTRACT)) {
            check(results, contract).ifPresent(offences::add);
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(List<SectionRecord> results, SectionRecord contract) {
        Optional<LocalDate> signed = contract.date("SIGNING_TIME");
        Optional<SectionRecord> result =
                signed.flatMap(day -> Chronology.latestOnOrBefore(results, "WIN_BID_BULLETIN_START_TIME", day));
        if (result.isEmpty()) {
            return Optional.empty();
        }
        LocalDate announced = result.get().date("WIN_BID_BULLETIN_START_TIME").orElseThrow();
        int days = Periods.days(announced, signed.get());
        if (days <= maxDays) {
            return Optional.empty();
        }
        String from = Periods.d8(announced);
        String to = Periods.d8(signed.get());
        Evidence evidence = new Evidence()
                .fields(result.get(), "WIN_BID_BULLETIN_START_TIME")
                .fields(contract, "CONTRACT_CODE", "SIGNING_TIME")
                .put("days", days)
                .put("maxDays", maxDays);
        Finding finding = finding(
                PURCHASE_CONTRACT,
                "Contract signed %d days after the award announcement: WIN_BID_BULLETIN_START_TIME %s, SIGNING_TIME %s; at most %d allowed"
                        .formatted(days, from, to, maxDays),
                "自中标(成交)结果公告之日(%s)起 %d 日才签订政府采购合同(%s)，超过 %d 日".formatted(from, days, to, maxDays),
                evidence,
                List.of(contract.recordId(), result.get().recordId()));
        return Optional.of(Offence.of(days - maxDays, contract, finding));
    }
}
