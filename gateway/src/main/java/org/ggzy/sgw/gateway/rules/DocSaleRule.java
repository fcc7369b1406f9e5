package org.ggzy.sgw.gateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * P02 {@code DOC_SALE_TOO_SHORT}: tender (or prequalification) documents obtainable for fewer than
 * {@code doc-sale-days} (5) calendar days, from {@code DOC_GET_START_TIME} to {@code DOC_GET_END_TIME} of a tender
 * notice. 招标投标法实施条例 第十六条 applies to every tender, mandatory or not, and to both kinds of notice. Only the
 * notices in force count (see {@link TenderNotices}).
 */
final class DocSaleRule extends SectionRule {

    private final int minDays;

    DocSaleRule(ProcedureProperties properties) {
        super(
                "P02",
                "DOC_SALE_TOO_SHORT",
                properties.severity().docSaleTooShort(),
                "《中华人民共和国招标投标法实施条例》第十六条",
                Set.of(TenderNotices.DATASET));
        this.minDays = properties.docSaleDays();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord notice : TenderNotices.inForce(state)) {
            check(notice).ifPresent(offences::add);
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(SectionRecord notice) {
        Optional<LocalDate> start = notice.date("DOC_GET_START_TIME");
        Optional<LocalDate> end = notice.date("DOC_GET_END_TIME");
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        int days = Periods.days(start.get(), end.get());
        if (days >= minDays) {
            return Optional.empty();
        }
        String from = Periods.d8(start.get());
        String to = Periods.d8(end.get());
        Evidence evidence = new Evidence()
                .fields(notice, "DOC_GET_START_TIME", "DOC_GET_END_TIME", "BULLETIN_TYPE", "NOTICE_NATURE")
                .put("days", days)
                .put("minDays", minDays);
        Finding finding = finding(
                notice.dataset(),
                "Documents obtainable for only %d days, DOC_GET_START_TIME %s to DOC_GET_END_TIME %s; at least %d required"
                        .formatted(days, from, to, minDays),
                "招标文件(资格预审文件)发售期自 %s 至 %s 仅 %d 日，少于 %d 日".formatted(from, to, days, minDays),
                evidence,
                List.of(notice.recordId()));
        return Optional.of(Offence.of(minDays - days, notice, finding));
    }
}
