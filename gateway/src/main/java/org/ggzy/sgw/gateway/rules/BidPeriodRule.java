package org.ggzy.sgw.gateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * P01 {@code BID_PERIOD_TOO_SHORT}: fewer than {@code bid-period-days} (20) calendar days from the day tender
 * documents are first issued ({@code DOC_GET_START_TIME}) to the bid deadline ({@code BID_DOC_REFER_END_TIME}) of a
 * tender notice. 招标投标法 第二十四条 concerns projects that must be tendered by law, so the rule applies when
 * {@code IS_TO_LAW} is {@code 1} or the tender project is not yet known. A prequalification notice
 * ({@code BULLETIN_TYPE} 2) is not checked: its deadline is for prequalification applications, not for bids. Only the
 * notices in force count (see {@link TenderNotices}).
 */
final class BidPeriodRule extends SectionRule {

    private final int minDays;

    BidPeriodRule(ProcedureProperties properties) {
        super(
                "P01",
                "BID_PERIOD_TOO_SHORT",
                properties.severity().bidPeriodTooShort(),
                "《中华人民共和国招标投标法》第二十四条",
                Set.of(TenderNotices.DATASET, MandatoryTender.TENDER_PROJECT));
        this.minDays = properties.bidPeriodDays();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        if (!MandatoryTender.applies(state)) {
            return List.of();
        }
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord notice : TenderNotices.inForce(state)) {
            if (!"2".equals(notice.text("BULLETIN_TYPE"))) {
                check(state, notice).ifPresent(offences::add);
            }
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(SectionState state, SectionRecord notice) {
        Optional<LocalDate> start = notice.date("DOC_GET_START_TIME");
        Optional<LocalDate> deadline = notice.date("BID_DOC_REFER_END_TIME");
        if (start.isEmpty() || deadline.isEmpty()) {
            return Optional.empty();
        }
        int days = Periods.days(start.get(), deadline.get());
        if (days >= minDays) {
            return Optional.empty();
        }
        String from = Periods.d8(start.get());
        String to = Periods.d8(deadline.get());
        Evidence evidence = new Evidence()
                .fields(notice, "DOC_GET_START_TIME", "BID_DOC_REFER_END_TIME", "BULLETIN_TYPE", "NOTICE_NATURE")
                .put("days", days)
                .put("minDays", minDays);
        MandatoryTender.describe(state, evidence);
        Finding finding = finding(
                notice.dataset(),
                "Only %d days between DOC_GET_START_TIME %s and BID_DOC_REFER_END_TIME %s; at least %d required"
                        .formatted(days, from, to, minDays),
                "自招标文件开始发出之日(%s)至投标截止时间(%s)仅 %d 日，少于 %d 日".formatted(from, to, days, minDays),
                evidence,
                MandatoryTender.recordIds(state, notice));
        return Optional.of(Offence.of(minDays - days, notice, finding));
    }
}
