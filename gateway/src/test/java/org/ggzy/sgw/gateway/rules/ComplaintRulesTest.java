package org.ggzy.sgw.gateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.CONTEXT;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.gcjs;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.procedure;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.record;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.reorderings;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ComplaintRulesTest {

    static final String COMPLAINT = "gcjs.complaint";

    static SectionRecord complaint(String... fieldValues) {
        return record(COMPLAINT, "valid-handled-complaint.json", fieldValues);
    }

    /** A complaint lodged, accepted and decided on the given days (the time of day matters not). */
    static SectionRecord handled(String lodged, String accepted, String decided, String... more) {
        return complaint(RuleFixtures.fields(
                more,
                "COMPLAINT_DATE",
                lodged + "100000",
                "ACCEPT_DATE",
                accepted + "090000",
                "HANDLE_DATE",
                decided + "160000"));
    }

    @Nested
    class AcceptLate {

        final ComplaintAcceptRule rule = new ComplaintAcceptRule(procedure());

        @Test
        void shouldNotFireOnTheValidExample() {
            assertThat(rule.evaluate(gcjs(complaint()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldFireOrangeWhenAcceptedFourWorkingDaysLater() {
            SectionRecord complaint = handled("20260302", "20260306", "20260320");

            assertThat(rule.evaluate(gcjs(complaint), CONTEXT)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("COMPLAINT_ACCEPT_LATE");
                assertThat(f.severity()).isEqualTo(Severity.ORANGE);
                assertThat(f.dataset()).isEqualTo(COMPLAINT);
                assertThat(f.message())
                        .isEqualTo("Complaint accepted 4 working days after it was lodged: COMPLAINT_DATE 20260302,"
                                + " ACCEPT_DATE 20260306; at most 3 allowed");
                assertThat(f.messageZh()).isEqualTo("自收到投诉之日(20260302)起 4 个工作日才决定受理(20260306)，超过 3 个工作日");
                assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法实施条例》第六十一条");
                assertThat(f.evidence())
                        .containsEntry("COMPLAINT_DATE", "20260302100000")
                        .containsEntry("ACCEPT_DATE", "20260306090000")
                        .containsEntry("workingDays", 4)
                        .containsEntry("maxWorkingDays", 3);
                assertThat(f.recordIds()).containsExactly(complaint.recordId());
            });
        }

        @Test
        void shouldNotFireWhenAcceptedOnTheThirdWorkingDay() {
            assertThat(rule.evaluate(gcjs(handled("20260302", "20260305", "20260320")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldSkipPublicHolidays() {
            assertThat(rule.evaluate(gcjs(handled("20260930", "20261009", "20261030")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldCountMakeUpWorkingDays() {
            assertThat(rule.evaluate(gcjs(handled("20260930", "20261012", "20261030")), CONTEXT))
                    .singleElement()
                    .satisfies(f -> assertThat(f.evidence()).containsEntry("workingDays", 4));
        }

        @Test
        void shouldReportTheLongestDelayWhateverTheOrderOfRecords() {
            SectionRecord a = handled("20260302", "20260306", "20260320", "DATA_KEY", "CM-A");
            SectionRecord b = handled("20260302", "20260310", "20260320", "DATA_KEY", "CM-B");
            SectionState state = gcjs(a, complaint(), b);

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).singleElement().satisfies(f -> {
                assertThat(f.evidence()).containsEntry("workingDays", 6).containsEntry("offendingRecords", 2);
                assertThat(f.recordIds()).containsExactly(b.recordId());
            });
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }
    }

    @Nested
    class DecisionLate {

        final ComplaintDecisionRule rule = new ComplaintDecisionRule(procedure());

        @Test
        void shouldNotFireOnTheValidExample() {
            assertThat(rule.evaluate(gcjs(complaint()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldFireOrangeWhenDecidedThirtyOneWorkingDaysAfterAcceptance() {
            SectionRecord complaint = handled("20260302", "20260303", "20260416");

            assertThat(rule.evaluate(gcjs(complaint), CONTEXT)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("COMPLAINT_DECISION_LATE");
                assertThat(f.severity()).isEqualTo(Severity.ORANGE);
                assertThat(f.message())
                        .isEqualTo("Complaint decided 31 working days after it was accepted: ACCEPT_DATE 20260303,"
                                + " HANDLE_DATE 20260416; at most 30 allowed");
                assertThat(f.messageZh()).isEqualTo("自受理投诉之日(20260303)起 31 个工作日才作出书面处理决定(20260416)，超过 30 个工作日");
                assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法实施条例》第六十一条");
                assertThat(f.evidence())
                        .containsEntry("ACCEPT_DATE", "20260303090000")
                        .containsEntry("HANDLE_DATE", "20260416160000")
                        .containsEntry("workingDays", 31)
                        .containsEntry("maxWorkingDays", 30);
            });
        }

        @Test
        void shouldNotFireWhenDecidedOnTheThirtiethWorkingDay() {
            assertThat(rule.evaluate(gcjs(handled("20260302", "20260303", "20260415")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldNotFireWithoutAComplaint() {
            assertThat(rule.evaluate(gcjs(), CONTEXT)).isEmpty();
        }
    }
}
