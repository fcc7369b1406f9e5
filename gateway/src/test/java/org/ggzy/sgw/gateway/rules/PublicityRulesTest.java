package org.ggzy.sgw.gateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.CONTEXT;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.gcjs;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.procedure;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.record;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.reorderings;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.tenderProject;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PublicityRulesTest {

    static final String PUBLICITY = "gcjs.candidate-publicity";

    /** The example report, submitted on 20261215. */
    static SectionRecord report(String... fieldValues) {
        return record("gcjs.evaluation-report", "valid-report.json", fieldValues);
    }

    /** The example publicity, from 20261217 to 20261220. */
    static SectionRecord publicity(String... fieldValues) {
        return record(PUBLICITY, "valid-three-candidates.json", fieldValues);
    }

    @Nested
    class TooLate {

        final PublicityLateRule rule = new PublicityLateRule(procedure());

        @Test
        void shouldNotFireOnTheValidExamples() {
            assertThat(rule.evaluate(gcjs(report(), publicity(), tenderProject("1")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldFireOrangeWhenPublishedFourDaysAfterTheReport() {
            SectionRecord report = report();
            SectionRecord publicity =
                    publicity("PUBLICITY_START_TIME", "20261219090000", "PUBLICITY_END_TIME", "20261222180000");
            SectionRecord project = tenderProject("1");

            assertThat(rule.evaluate(gcjs(publicity, project, report), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("PUBLICITY_TOO_LATE");
                        assertThat(f.severity()).isEqualTo(Severity.ORANGE);
                        assertThat(f.dataset()).isEqualTo(PUBLICITY);
                        assertThat(f.message())
                                .isEqualTo("Candidates published 4 days after the evaluation report: SUBMIT_TIME"
                                        + " 20261215, PUBLICITY_START_TIME 20261219; at most 3 allowed");
                        assertThat(f.messageZh()).isEqualTo("自收到评标报告之日(20261215)起 4 日才公示中标候选人(20261219)，超过 3 日");
                        assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法实施条例》第五十四条");
                        assertThat(f.evidence())
                                .containsEntry("SUBMIT_TIME", "20261215100000")
                                .containsEntry("PUBLICITY_START_TIME", "20261219090000")
                                .containsEntry("days", 4)
                                .containsEntry("maxDays", 3)
                                .containsEntry("IS_TO_LAW", "1");
                        assertThat(f.recordIds())
                                .containsExactly(publicity.recordId(), report.recordId(), project.recordId());
                    });
        }

        @Test
        void shouldNotFireWhenPublishedExactlyThreeDaysAfterTheReport() {
            SectionRecord publicity = publicity("PUBLICITY_START_TIME", "20261218235900");

            assertThat(rule.evaluate(gcjs(report(), publicity), CONTEXT)).isEmpty();
        }

        @Test
        void shouldNotFireWhenTheProjectNeedNotBeTenderedByLaw() {
            SectionRecord publicity = publicity("PUBLICITY_START_TIME", "20261230090000");

            assertThat(rule.evaluate(gcjs(report(), publicity, tenderProject("0")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldWaitForTheReport() {
            assertThat(rule.evaluate(gcjs(publicity("PUBLICITY_START_TIME", "20261230090000")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldMeasureEachPublicityFromTheReportBeforeIt() {
            SectionRecord first = report();
            SectionRecord reevaluation = report("DATA_KEY", "ER-2", "SUBMIT_TIME", "20261228100000");
            SectionRecord republished = publicity(
                    "DATA_KEY",
                    "CP-2",
                    "PUBLICITY_START_TIME",
                    "20261229090000",
                    "PUBLICITY_END_TIME",
                    "20270104180000");
            SectionState state = gcjs(first, reevaluation, publicity(), republished);

            assertThat(rule.evaluate(state, CONTEXT)).isEmpty();
        }

        @Test
        void shouldReportTheLongestDelayWhateverTheOrderOfRecords() {
            SectionRecord late = publicity("DATA_KEY", "CP-A", "PUBLICITY_START_TIME", "20261220090000");
            SectionRecord later = publicity("DATA_KEY", "CP-B", "PUBLICITY_START_TIME", "20261225090000");
            SectionState state = gcjs(late, report(), later, publicity());

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).singleElement().satisfies(f -> {
                assertThat(f.evidence()).containsEntry("days", 10).containsEntry("offendingRecords", 2);
                assertThat(f.recordIds()).startsWith(later.recordId());
            });
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }
    }

    @Nested
    class TooShort {

        final PublicityShortRule rule = new PublicityShortRule(procedure());

        @Test
        void shouldNotFireOnTheValidExample() {
            assertThat(rule.evaluate(gcjs(publicity(), tenderProject("1")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldFireOrangeWhenTwoDays() {
            SectionRecord publicity = publicity("PUBLICITY_END_TIME", "20261219235959");

            assertThat(rule.evaluate(gcjs(publicity), CONTEXT)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("PUBLICITY_TOO_SHORT");
                assertThat(f.severity()).isEqualTo(Severity.ORANGE);
                assertThat(f.dataset()).isEqualTo(PUBLICITY);
                assertThat(f.message())
                        .isEqualTo("Candidate publicity lasts only 2 days, PUBLICITY_START_TIME 20261217 to"
                                + " PUBLICITY_END_TIME 20261219; at least 3 required");
                assertThat(f.messageZh()).isEqualTo("中标候选人公示期自 20261217 至 20261219 仅 2 日，少于 3 日");
                assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法实施条例》第五十四条");
                assertThat(f.evidence())
                        .containsEntry("PUBLICITY_START_TIME", "20261217090000")
                        .containsEntry("PUBLICITY_END_TIME", "20261219235959")
                        .containsEntry("days", 2)
                        .containsEntry("minDays", 3)
                        .containsEntry("IS_TO_LAW", "unknown");
                assertThat(f.recordIds()).containsExactly(publicity.recordId());
            });
        }

        @Test
        void shouldNotFireWhenExactlyThreeDays() {
            assertThat(rule.evaluate(gcjs(publicity("PUBLICITY_END_TIME", "20261220000000")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldNotFireWhenTheProjectNeedNotBeTenderedByLaw() {
            SectionRecord publicity = publicity("PUBLICITY_END_TIME", "20261218180000");

            assertThat(rule.evaluate(gcjs(publicity, tenderProject("0")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldNotFireWithoutAPublicity() {
            assertThat(rule.evaluate(gcjs(report(), tenderProject("1")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldReportTheShortestPublicityWhateverTheOrderOfRecords() {
            SectionRecord two = publicity("DATA_KEY", "CP-A", "PUBLICITY_END_TIME", "20261219180000");
            SectionRecord one = publicity("DATA_KEY", "CP-B", "PUBLICITY_END_TIME", "20261218180000");
            SectionState state = gcjs(two, publicity(), one);

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).singleElement().satisfies(f -> {
                assertThat(f.evidence()).containsEntry("days", 1).containsEntry("offendingRecords", 2);
                assertThat(f.recordIds()).containsExactly(one.recordId());
            });
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }
    }
}
