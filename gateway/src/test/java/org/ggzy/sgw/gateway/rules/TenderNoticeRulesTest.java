package org.ggzy.sgw.gateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.CONTEXT;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.gcjs;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.procedure;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.record;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.reorderings;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TenderNoticeRulesTest {

    static final String NOTICE = "gcjs.tender-notice";

    static SectionRecord notice(String... fieldValues) {
        return record(NOTICE, "valid-original.json", fieldValues);
    }

    static SectionRecord project(String isToLaw) {
        return record("gcjs.tender-project", "valid-school-renovation.json", "IS_TO_LAW", isToLaw);
    }

    /** The example notice (documents from 20261120) with bids due {@code days} later. */
    static SectionRecord noticeWithBidPeriod(int days, String... more) {
        String deadline = Periods.d8(LocalDate.of(2026, 11, 20).plusDays(days)) + "093000";
        return notice(RuleFixtures.fields(more, "BID_DOC_REFER_END_TIME", deadline, "BID_OPEN_TIME", deadline));
    }

    @Nested
    class BidPeriod {

        final BidPeriodRule rule = new BidPeriodRule(procedure());

        @Test
        void shouldNotFireOnTheValidExample() {
            assertThat(rule.evaluate(gcjs(notice(), project("1")), CONTEXT)).isEmpty();
        }

        @Test
        void shouldFireRedWhenNineteenDays() {
            SectionRecord notice = noticeWithBidPeriod(19);
            SectionRecord project = project("1");

            List<Finding> findings = rule.evaluate(gcjs(notice, project), CONTEXT);

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("BID_PERIOD_TOO_SHORT");
                assertThat(f.severity()).isEqualTo(Severity.RED);
                assertThat(f.dataset()).isEqualTo(NOTICE);
                assertThat(f.discriminator()).isEmpty();
                assertThat(f.message())
                        .isEqualTo("Only 19 days between DOC_GET_START_TIME 20261120 and BID_DOC_REFER_END_TIME"
                                + " 20261209; at least 20 required");
                assertThat(f.messageZh()).isEqualTo("自招标文件开始发出之日(20261120)至投标截止时间(20261209)仅 19 日，少于 20 日");
                assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法》第二十四条");
                assertThat(f.evidence())
                        .containsEntry("DOC_GET_START_TIME", "20261120090000")
                        .containsEntry("BID_DOC_REFER_END_TIME", "20261209093000")
                        .containsEntry("days", 19)
                        .containsEntry("minDays", 20)
                        .containsEntry("IS_TO_LAW", "1");
                assertThat(f.recordIds()).containsExactly(notice.recordId(), project.recordId());
                assertThat(f.dueAt()).isNull();
            });
        }

        @Test
        void shouldNotFireWhenExactlyTwentyDays() {
            assertThat(rule.evaluate(gcjs(noticeWithBidPeriod(20), project("1")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldCountCalendarDatesNotHoursWhenTimesOfDayDiffer() {
            SectionRecord notice = notice(
                    "DOC_GET_START_TIME", "20261120235959",
                    "BID_DOC_REFER_END_TIME", "20261210000000",
                    "BID_OPEN_TIME", "20261210000000");

            assertThat(rule.evaluate(gcjs(notice, project("1")), CONTEXT)).isEmpty();
        }

        @Test
        void shouldNotFireWhenTheProjectNeedNotBeTenderedByLaw() {
            assertThat(rule.evaluate(gcjs(noticeWithBidPeriod(10), project("0")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldFireWhenTheTenderProjectIsNotYetKnown() {
            SectionRecord notice = noticeWithBidPeriod(15);

            assertThat(rule.evaluate(gcjs(notice), CONTEXT)).singleElement().satisfies(f -> {
                assertThat(f.evidence()).containsEntry("IS_TO_LAW", "unknown").containsEntry("days", 15);
                assertThat(f.recordIds()).containsExactly(notice.recordId());
            });
        }

        @Test
        void shouldNotFireWhenThereIsNoNotice() {
            assertThat(rule.evaluate(gcjs(project("1")), CONTEXT)).isEmpty();
        }

        @Test
        void shouldNotCheckAPrequalificationNotice() {
            assertThat(rule.evaluate(gcjs(noticeWithBidPeriod(12, "BULLETIN_TYPE", "2")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldJudgeOnlyTheChangeNoticeWhenItExtendsTheDeadline() {
            SectionRecord original = noticeWithBidPeriod(15);
            SectionRecord change =
                    record(NOTICE, "valid-change-notice.json", "BID_DOC_REFER_END_TIME", "20261211093000");

            assertThat(rule.evaluate(gcjs(original, change), CONTEXT)).isEmpty();
            assertThat(rule.evaluate(gcjs(change, original), CONTEXT)).isEmpty();
        }

        @Test
        void shouldFireOnAChangeNoticeThatShortensTheDeadline() {
            SectionRecord original = notice();
            SectionRecord change = record(
                    NOTICE,
                    "valid-change-notice.json",
                    "BID_DOC_REFER_END_TIME",
                    "20261208093000",
                    "BID_OPEN_TIME",
                    "20261208093000");

            assertThat(rule.evaluate(gcjs(original, change), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.evidence()).containsEntry("days", 18).containsEntry("NOTICE_NATURE", "2");
                        assertThat(f.recordIds()).containsExactly(change.recordId());
                    });
        }

        @Test
        void shouldReportTheShortestPeriodWhateverTheOrderOfRecords() {
            SectionRecord tender = noticeWithBidPeriod(18, "DATA_KEY", "TN-A");
            SectionRecord other = noticeWithBidPeriod(14, "DATA_KEY", "TN-B", "BULLETIN_TYPE", "9");
            SectionState state = gcjs(tender, other, project("1"));

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).singleElement().satisfies(f -> {
                assertThat(f.evidence()).containsEntry("days", 14).containsEntry("offendingRecords", 2);
                assertThat(f.recordIds()).startsWith(other.recordId());
            });
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }
    }

    @Nested
    class DocSale {

        final DocSaleRule rule = new DocSaleRule(procedure());

        @Test
        void shouldNotFireOnTheValidExamples() {
            assertThat(rule.evaluate(gcjs(notice(), record(NOTICE, "valid-change-notice.json")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldFireYellowWhenFourDays() {
            SectionRecord notice = notice("DOC_GET_END_TIME", "20261124170000");

            assertThat(rule.evaluate(gcjs(notice), CONTEXT)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("DOC_SALE_TOO_SHORT");
                assertThat(f.severity()).isEqualTo(Severity.YELLOW);
                assertThat(f.dataset()).isEqualTo(NOTICE);
                assertThat(f.message())
                        .isEqualTo("Documents obtainable for only 4 days, DOC_GET_START_TIME 20261120 to"
                                + " DOC_GET_END_TIME 20261124; at least 5 required");
                assertThat(f.messageZh()).isEqualTo("招标文件(资格预审文件)发售期自 20261120 至 20261124 仅 4 日，少于 5 日");
                assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法实施条例》第十六条");
                assertThat(f.evidence())
                        .containsEntry("DOC_GET_START_TIME", "20261120090000")
                        .containsEntry("DOC_GET_END_TIME", "20261124170000")
                        .containsEntry("days", 4)
                        .containsEntry("minDays", 5);
                assertThat(f.recordIds()).containsExactly(notice.recordId());
            });
        }

        @Test
        void shouldNotFireWhenExactlyFiveDays() {
            assertThat(rule.evaluate(gcjs(notice("DOC_GET_END_TIME", "20261125000000")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldFireWhateverTheProjectAndTheKindOfNotice() {
            SectionRecord prequalification = notice("DOC_GET_END_TIME", "20261122170000", "BULLETIN_TYPE", "2");

            assertThat(rule.evaluate(gcjs(prequalification, project("0")), CONTEXT))
                    .singleElement()
                    .satisfies(f -> assertThat(f.evidence()).containsEntry("days", 2));
        }

        @Test
        void shouldFollowAConfiguredThreshold() {
            DocSaleRule strict = new DocSaleRule(procedure("doc-sale-days", "8", "severity.doc-sale-too-short", "RED"));

            assertThat(strict.evaluate(gcjs(notice()), CONTEXT)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.RED);
                assertThat(f.evidence()).containsEntry("days", 7).containsEntry("minDays", 8);
            });
        }
    }
}
