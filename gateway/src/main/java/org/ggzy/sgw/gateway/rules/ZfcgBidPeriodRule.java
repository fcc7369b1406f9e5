package org.ggzy.sgw.gateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Z01 {@code ZFCG_BID_PERIOD_TOO_SHORT}: in an open government tender (公开招标, {@code PURCHASER_MODE} {@code 1} of
 * {@code zfcg.purchase-project}: the notice does not carry the mode), fewer than {@code zfcg-bid-period-days} (20)
 * calendar days from the notice's {@code BULLETIN_START_TIME} to {@code BID_CLOSING_TIME} (政府采购法 第三十五条).
 * Other procurement methods have shorter lawful periods, so nothing is found before the purchase project is known
 * or when none of its records says {@code 1}. Every notice is checked; the shortest period gives the finding.
 */
final class ZfcgBidPeriodRule extends SectionRule {

    static final String PURCHASE_PROJECT = "zfcg.purchase-project";
    static final String PURCHASE_NOTICE = "zfcg.purchase-notice";

    private final int minDays;

    ZfcgBidPeriodRule(ProcedureProperties properties) {
        super(
                "Z01",
                "ZFCG_BID_PERIOD_TOO_SHORT",
                properties.severity().zfcgBidPeriodTooShort(),
                "《中华人民共和国政府采购法》第三十五条",
                Set.of(PURCHASE_NOTICE, PURCHASE_PROJECT));
        this.minDays = properties.zfcgBidPeriodDays();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        Optional<SectionRecord> project = state.all(PURCHASE_PROJECT).stream()
                .filter(p -> "1".equals(p.text("PURCHASER_MODE")))
                .min(Chronology.by("CREATE_TIME"));
        if (project.isEmpty()) {
            return List.of();
        }
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord notice : state.all(PURCHASE_NOTICE)) {
            check(project.get(), notice).ifPresent(offences::add);
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(SectionRecord project, SectionRecord notice) {
        Optional<LocalDate> start = notice.date("BULLETIN_START_TIME");
        Optional<LocalDate> closing = notice.date("BID_CLOSING_TIME");
        if (start.isEmpty() || closing.isEmpty()) {
            return Optional.empty();
        }
        int days = Periods.days(start.get(), closing.get());
        if (days >= minDays) {
            return Optional.empty();
        }
        String from = Periods.d8(start.get());
        String to = Periods.d8(closing.get());
        Evidence evidence = new Evidence()
                .fields(project, "PURCHASER_MODE")
                .fields(notice, "BULLETIN_START_TIME", "BID_CLOSING_TIME")
                .put("days", days)
                .put("minDays", minDays);
        Finding finding = finding(
                PURCHASE_NOTICE,
                "Only %d days between BULLETIN_START_TIME %s and BID_CLOSING_TIME %s of an open tender; at least %d required"
                        .formatted(days, from, to, minDays),
                "公开招标自招标公告发布之日(%s)至投标截止时间(%s)仅 %d 日，少于 %d 日".formatted(from, to, days, minDays),
                evidence,
                List.of(notice.recordId(), project.recordId()));
        return Optional.of(Offence.of(minDays - days, notice, finding));
    }
}
