package org.ggzy.sgw.gateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.CONTEXT;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.archive;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.gcjs;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.record;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.reorderings;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AvArchiveRulesTest {

    static final String AV = "gcjs.av-archive";

    /** The archive of the example opening (Friday 20261211, archived Monday 20261214). */
    static SectionRecord opening(String... fieldValues) {
        return record(AV, "valid-opening-archive.json", fieldValues);
    }

    /** The archive of the example evaluation (Monday 20261214, archived Friday 20261218). */
    static SectionRecord evaluation(String... fieldValues) {
        return record(AV, "valid-evaluation-archive.json", fieldValues);
    }

    @Nested
    class ArchiveLate {

        final AvArchiveLateRule rule = new AvArchiveLateRule(archive());

        @Test
        void shouldNotFireOnTheValidExamples() {
            assertThat(rule.evaluate(gcjs(opening(), evaluation()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldFireYellowWhenArchivedSixWorkingDaysAfterTheOpening() {
            SectionRecord archive = opening("ARCHIVE_TIME", "20261221100000");

            assertThat(rule.evaluate(gcjs(archive), CONTEXT)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("AV_ARCHIVE_LATE");
                assertThat(f.severity()).isEqualTo(Severity.YELLOW);
                assertThat(f.dataset()).isEqualTo(AV);
                assertThat(f.message())
                        .isEqualTo("Recordings of the bid opening (ACTIVITY_TYPE 1) archived 6 working days after it:"
                                + " ACTIVITY_TIME 20261211, ARCHIVE_TIME 20261221; at most 5 allowed");
                assertThat(f.messageZh()).isEqualTo("开标活动结束之日(20261211)起 6 个工作日才归档音频视频资料(20261221)，超过 5 个工作日");
                assertThat(f.legalBasis()).isEqualTo("《交易场所监控系统和音频视频资料管理制度》第十条");
                assertThat(f.evidence())
                        .containsEntry("ACTIVITY_TYPE", "1")
                        .containsEntry("ACTIVITY_TIME", "20261211113000")
                        .containsEntry("ARCHIVE_TIME", "20261221100000")
                        .containsEntry("workingDays", 6)
                        .containsEntry("maxWorkingDays", 5);
                assertThat(f.recordIds()).containsExactly(archive.recordId());
            });
        }

        @Test
        void shouldNotFireOnTheFifthWorkingDay() {
            assertThat(rule.evaluate(gcjs(opening("ARCHIVE_TIME", "20261218235900")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldSkipTheNationalDayHolidays() {
            SectionRecord archive = evaluation("ACTIVITY_TIME", "20260930170000", "ARCHIVE_TIME", "20261013100000");

            assertThat(rule.evaluate(gcjs(archive), CONTEXT)).isEmpty();
        }

        @Test
        void shouldReportTheLongestDelayWhateverTheOrderOfRecords() {
            SectionRecord late = opening("ARCHIVE_TIME", "20261222100000");
            SectionRecord later = evaluation("ARCHIVE_TIME", "20261225100000");
            SectionState state = gcjs(late, later);

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).singleElement().satisfies(f -> {
                assertThat(f.evidence()).containsEntry("workingDays", 9).containsEntry("offendingRecords", 2);
                assertThat(f.messageZh()).startsWith("评标(评审、谈判)活动");
            });
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }
    }

    @Nested
    class CopiesInsufficient {

        final AvCopiesRule rule = new AvCopiesRule(archive());

        @Test
        void shouldNotFireOnTheValidExamples() {
            assertThat(rule.evaluate(gcjs(opening(), evaluation()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldFireOrangeWithOneCopy() {
            SectionRecord archive = opening("COPIES", "1");

            assertThat(rule.evaluate(gcjs(archive, evaluation()), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("AV_COPIES_INSUFFICIENT");
                        assertThat(f.severity()).isEqualTo(Severity.ORANGE);
                        assertThat(f.message())
                                .isEqualTo(
                                        "COPIES 1 for the recordings of the bid opening (ACTIVITY_TYPE 1); at least 2 required");
                        assertThat(f.messageZh()).isEqualTo("开标音频视频资料仅备份 1 套，少于 2 套");
                        assertThat(f.legalBasis()).isEqualTo("《交易场所监控系统和音频视频资料管理制度》第十四条");
                        assertThat(f.evidence())
                                .containsEntry("COPIES", "1")
                                .containsEntry("minCopies", 2)
                                .containsEntry("STORAGE_MEDIA", "蓝光光盘及磁盘阵列");
                        assertThat(f.recordIds()).containsExactly(archive.recordId());
                    });
        }

        @Test
        void shouldReportTheFewestCopiesWhateverTheOrderOfRecords() {
            SectionState state = gcjs(opening("COPIES", "1"), evaluation("COPIES", "0"));

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).singleElement().satisfies(f -> assertThat(f.evidence())
                    .containsEntry("COPIES", "0")
                    .containsEntry("ACTIVITY_TYPE", "2")
                    .containsEntry("offendingRecords", 2));
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }

        @Test
        void shouldNotFireWithoutAnArchive() {
            assertThat(rule.evaluate(gcjs(), CONTEXT)).isEmpty();
        }
    }

    @Nested
    class RetentionTooShort {

        final AvRetentionRule rule = new AvRetentionRule(archive());

        @Test
        void shouldNotFireOnTheValidExamples() {
            assertThat(rule.evaluate(gcjs(opening(), evaluation()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldFireOrangeWhenKeptFourteenYears() {
            SectionRecord archive = evaluation("RETENTION_YEARS", "14");

            assertThat(rule.evaluate(gcjs(archive), CONTEXT)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("AV_RETENTION_TOO_SHORT");
                assertThat(f.severity()).isEqualTo(Severity.ORANGE);
                assertThat(f.message())
                        .isEqualTo("RETENTION_YEARS 14 for the recordings of the evaluation (ACTIVITY_TYPE 2); at"
                                + " least 15 years required");
                assertThat(f.messageZh()).isEqualTo("评标(评审、谈判)音频视频资料保存期限为 14 年，少于 15 年");
                assertThat(f.legalBasis()).isEqualTo("《交易场所监控系统和音频视频资料管理制度》第十二条");
                assertThat(f.evidence()).containsEntry("RETENTION_YEARS", "14").containsEntry("minRetentionYears", 15);
                assertThat(f.recordIds()).containsExactly(archive.recordId());
            });
        }

        @Test
        void shouldFollowAConfiguredMinimum() {
            AvRetentionRule stricter = new AvRetentionRule(archive("min-retention-years", "30"));

            assertThat(stricter.evaluate(gcjs(opening()), CONTEXT))
                    .singleElement()
                    .satisfies(f -> assertThat(f.evidence()).containsEntry("minRetentionYears", 30));
        }
    }
}
