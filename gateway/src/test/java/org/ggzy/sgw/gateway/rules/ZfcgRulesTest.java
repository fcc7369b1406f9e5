package org.ggzy.sgw.gateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.CONTEXT;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.procedure;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.record;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.reorderings;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.zfcg;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ZfcgRulesTest {

    static final String NOTICE = "zfcg.purchase-notice";
    static final String CONTRACT = "zfcg.purchase-contract";

    /** The example lot, bought by open tender ({@code PURCHASER_MODE} 1). */
    static SectionRecord project(String... fieldValues) {
        return record("zfcg.purchase-project", "valid-medical-equipment.json", fieldValues);
    }

    /** The example notice, published 20261201 with bids closing 20261222. */
    static SectionRecord notice(String... fieldValues) {
        return record(NOTICE, "valid-open-tender-notice.json", fieldValues);
    }

    /** The example award announcement, published 20261225. */
    static SectionRecord result(String... fieldValues) {
        return record("zfcg.purchase-result", "valid-award-announcement.json", fieldValues);
    }

    /** The example contract, signed 20270105. */
    static SectionRecord contract(String... fieldValues) {
        return record(CONTRACT, "valid-supply-contract.json", fieldValues);
    }

    @Nested
    class BidPeriodTooShort {

        final ZfcgBidPeriodRule rule = new ZfcgBidPeriodRule(procedure());

        @Test
        void shouldNotFireOnTheValidExamples() {
            assertThat(rule.evaluate(zfcg(project(), notice()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldFireRedWhenAnOpenTenderClosesNineteenDaysAfterTheNotice() {
            SectionRecord project = project();
            SectionRecord notice = notice("BID_CLOSING_TIME", "20261220093000");

            assertThat(rule.evaluate(zfcg(notice, project), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("ZFCG_BID_PERIOD_TOO_SHORT");
                        assertThat(f.severity()).isEqualTo(Severity.RED);
                        assertThat(f.dataset()).isEqualTo(NOTICE);
                        assertThat(f.message())
                                .isEqualTo(
                                        "Only 19 days between BULLETIN_START_TIME 20261201 and BID_CLOSING_TIME 20261220 of"
                                                + " an open tender; at least 20 required");
                        assertThat(f.messageZh()).isEqualTo("公开招标自招标公告发布之日(20261201)至投标截止时间(20261220)仅 19 日，少于 20 日");
                        assertThat(f.legalBasis()).isEqualTo("《中华人民共和国政府采购法》第三十五条");
                        assertThat(f.evidence())
                                .containsEntry("PURCHASER_MODE", "1")
                                .containsEntry("BULLETIN_START_TIME", "20261201090000")
                                .containsEntry("BID_CLOSING_TIME", "20261220093000")
                                .containsEntry("days", 19)
                                .containsEntry("minDays", 20);
                        assertThat(f.recordIds()).containsExactly(notice.recordId(), project.recordId());
                    });
        }

        @Test
        void shouldNotFireWhenExactlyTwentyDays() {
            assertThat(rule.evaluate(zfcg(project(), notice("BID_CLOSING_TIME", "20261221000000")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldNotFireForOtherProcurementMethods() {
            SectionRecord negotiation = project("PURCHASER_MODE", "3");

            assertThat(rule.evaluate(zfcg(negotiation, notice("BID_CLOSING_TIME", "20261205093000")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldWaitForThePurchaseProject() {
            SectionRecord notice = notice("BID_CLOSING_TIME", "20261205093000");

            assertThat(rule.evaluate(zfcg(notice), CONTEXT)).isEmpty();
            assertThat(rule.evaluate(zfcg(notice, project()), CONTEXT)).hasSize(1);
        }

        @Test
        void shouldReportTheShortestPeriodWhateverTheOrderOfRecords() {
            SectionRecord a = notice("DATA_KEY", "PN-A", "BID_CLOSING_TIME", "20261215093000");
            SectionRecord b = notice("DATA_KEY", "PN-B", "BID_CLOSING_TIME", "20261210093000");
            SectionState state = zfcg(a, project(), b, notice());

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).singleElement().satisfies(f -> assertThat(f.evidence())
                    .containsEntry("days", 9)
                    .containsEntry("offendingRecords", 2));
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }
    }

    @Nested
    class ContractTooLate {

        final ZfcgContractLateRule rule = new ZfcgContractLateRule(procedure());

        @Test
        void shouldNotFireOnTheValidExamples() {
            assertThat(rule.evaluate(zfcg(result(), contract()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldFireOrangeWhenSignedThirtyOneDaysAfterTheAnnouncement() {
            SectionRecord result = result();
            SectionRecord contract = contract("SIGNING_TIME", "20270125150000");

            assertThat(rule.evaluate(zfcg(contract, result), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("ZFCG_CONTRACT_TOO_LATE");
                        assertThat(f.severity()).isEqualTo(Severity.ORANGE);
                        assertThat(f.dataset()).isEqualTo(CONTRACT);
                        assertThat(f.message())
                                .isEqualTo(
                                        "Contract signed 31 days after the award announcement: WIN_BID_BULLETIN_START_TIME"
                                                + " 20261225, SIGNING_TIME 20270125; at most 30 allowed");
                        assertThat(f.messageZh()).isEqualTo("自中标(成交)结果公告之日(20261225)起 31 日才签订政府采购合同(20270125)，超过 30 日");
                        assertThat(f.legalBasis()).isEqualTo("《中华人民共和国政府采购法》第四十六条");
                        assertThat(f.evidence())
                                .containsEntry("WIN_BID_BULLETIN_START_TIME", "20261225100000")
                                .containsEntry("SIGNING_TIME", "20270125150000")
                                .containsEntry("days", 31)
                                .containsEntry("maxDays", 30);
                        assertThat(f.recordIds()).containsExactly(contract.recordId(), result.recordId());
                    });
        }

        @Test
        void shouldNotFireWhenSignedOnTheThirtiethDay() {
            assertThat(rule.evaluate(zfcg(result(), contract("SIGNING_TIME", "20270124235900")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldNotFireWhenTheAnnouncementIsMissing() {
            assertThat(rule.evaluate(zfcg(contract("SIGNING_TIME", "20270325150000")), CONTEXT))
                    .isEmpty();
        }
    }
}
