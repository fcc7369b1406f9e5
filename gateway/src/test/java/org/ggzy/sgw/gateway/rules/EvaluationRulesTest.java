package org.ggzy.sgw.gateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.CONTEXT;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.bidderA;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.bidderB;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.bidderC;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.gcjs;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.procedure;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.record;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.reorderings;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.tenderProject;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EvaluationRulesTest {

    static final String REPORT = "gcjs.evaluation-report";

    static SectionRecord report() {
        return record(REPORT, "valid-report.json");
    }

    /** The {@code n} members of a committee, the first its chair. */
    static List<SectionRecord> committee(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> record(
                        "gcjs.evaluation-expert",
                        "valid-chair.json",
                        "DATA_KEY",
                        "EE-2026-00441" + i,
                        "ID_CARD",
                        "35010419680512301" + i,
                        "EXPERT_NAME",
                        "专家" + i,
                        "IS_CHAIR_MAN",
                        i == 1 ? "1" : "0"))
                .toList();
    }

    static SectionState section(List<SectionRecord> experts, SectionRecord... others) {
        List<SectionRecord> records = new ArrayList<>(experts);
        records.addAll(List.of(others));
        return gcjs(records.toArray(SectionRecord[]::new));
    }

    @Nested
    class TooFewBidders {

        final TooFewBiddersRule rule = new TooFewBiddersRule(procedure());

        @Test
        void shouldNotFireWithThreeBidders() {
            assertThat(rule.evaluate(gcjs(report(), bidderA(), bidderB(), bidderC()), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldFireRedWhenTheReportArrivesWithTwoBidders() {
            SectionRecord report = report();
            SectionRecord a = bidderA();
            SectionRecord b = bidderB();

            assertThat(rule.evaluate(gcjs(b, report, a), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("TOO_FEW_BIDDERS");
                        assertThat(f.severity()).isEqualTo(Severity.RED);
                        assertThat(f.dataset()).isEqualTo(REPORT);
                        assertThat(f.message())
                                .isEqualTo("Evaluation report submitted with only 2 distinct bidders (BIDDER_ORG_CODE"
                                        + " 91350100158143720R, 91350105MA31U8XK2B); at least 3 required");
                        assertThat(f.messageZh())
                                .isEqualTo("投标人仅 2 个(91350100158143720R、91350105MA31U8XK2B)，少于 3 个，应当依法重新招标而不得评标");
                        assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法》第二十八条");
                        assertThat(f.evidence())
                                .containsEntry("SUBMIT_TIME", "20261215100000")
                                .containsEntry("distinctBidders", 2)
                                .containsEntry("minBidders", 3)
                                .containsEntry("BIDDER_ORG_CODE", List.of("91350100158143720R", "91350105MA31U8XK2B"));
                        assertThat(f.recordIds()).containsExactly(report.recordId(), a.recordId(), b.recordId());
                    });
        }

        @Test
        void shouldCountABidderPushedTwiceOnce() {
            SectionRecord again = bidderB("DATA_KEY", "BD-2026-009999", "BIDDER_ORG_CODE", "91350105ma31u8xk2b");

            assertThat(rule.evaluate(gcjs(report(), bidderA(), bidderB(), again), CONTEXT))
                    .singleElement()
                    .satisfies(f -> assertThat(f.evidence()).containsEntry("distinctBidders", 2));
        }

        @Test
        void shouldCountAConsortiumOnceWhateverTheOrderOfItsCodes() {
            SectionRecord lead = bidderA("BIDDER_ORG_CODE", "91350100158143720R;91350203MA2XQ7PL00");
            SectionRecord same =
                    bidderA("DATA_KEY", "BD-2", "BIDDER_ORG_CODE", "91350203MA2XQ7PL00;91350100158143720R");

            assertThat(rule.evaluate(gcjs(report(), lead, same, bidderB()), CONTEXT))
                    .singleElement()
                    .satisfies(f -> assertThat(f.evidence()).containsEntry("distinctBidders", 2));
        }

        @Test
        void shouldNotFireBeforeTheReportArrives() {
            assertThat(rule.evaluate(gcjs(bidderA()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldNotFireWhileNoBidderIsKnown() {
            assertThat(rule.evaluate(gcjs(report()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldFindTheSameWhateverTheOrderOfRecords() {
            SectionState state = gcjs(report(), bidderA(), record(REPORT, "valid-report.json", "DATA_KEY", "ER-2"));

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).hasSize(1);
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }
    }

    @Nested
    class Committee {

        final CommitteeRule rule = new CommitteeRule(procedure());

        @Test
        void shouldNotFireWithFiveOrSevenMembers() {
            assertThat(rule.evaluate(section(committee(5), report(), tenderProject("1")), CONTEXT))
                    .isEmpty();
            assertThat(rule.evaluate(section(committee(7), report()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldFireRedWithFourMembers() {
            SectionRecord report = report();
            SectionRecord project = tenderProject("1");
            List<SectionRecord> members = committee(4);

            assertThat(rule.evaluate(section(members, report, project), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("COMMITTEE_INVALID");
                        assertThat(f.severity()).isEqualTo(Severity.RED);
                        assertThat(f.dataset()).isEqualTo(REPORT);
                        assertThat(f.message())
                                .isEqualTo("Evaluation committee has 4 members; it needs an odd number of at least 5");
                        assertThat(f.messageZh()).isEqualTo("评标委员会成员为 4 人，不符合 5 人以上单数的要求");
                        assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法》第三十七条");
                        assertThat(f.evidence())
                                .containsEntry("members", 4)
                                .containsEntry("chairs", 1)
                                .containsEntry("minMembers", 5)
                                .containsEntry("IS_TO_LAW", "1")
                                .doesNotContainKeys("ID_CARD", "EXPERT_NAME");
                        assertThat(f.recordIds())
                                .startsWith(report.recordId(), project.recordId())
                                .containsAll(members.stream()
                                        .map(SectionRecord::recordId)
                                        .toList());
                    });
        }

        @Test
        void shouldFireWithAnEvenNumberOfMembers() {
            assertThat(rule.evaluate(section(committee(6), report()), CONTEXT))
                    .singleElement()
                    .satisfies(f -> assertThat(f.evidence()).containsEntry("members", 6));
        }

        @Test
        void shouldCountAMemberPushedTwiceOnce() {
            List<SectionRecord> members = new ArrayList<>(committee(5));
            members.set(
                    4,
                    record(
                            "gcjs.evaluation-expert",
                            "valid-chair.json",
                            "DATA_KEY",
                            "EE-X",
                            "ID_CARD",
                            "350104196805123014"));

            assertThat(rule.evaluate(section(members, report()), CONTEXT))
                    .singleElement()
                    .satisfies(f -> assertThat(f.evidence()).containsEntry("members", 4));
        }

        @Test
        void shouldNotFireWhenTheProjectNeedNotBeTenderedByLaw() {
            assertThat(rule.evaluate(section(committee(3), report(), tenderProject("0")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldNotFireBeforeTheReportOrTheCommitteeIsKnown() {
            assertThat(rule.evaluate(section(committee(3)), CONTEXT)).isEmpty();
            assertThat(rule.evaluate(section(List.of(), report()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldFindTheSameWhateverTheOrderOfRecords() {
            SectionState state = section(committee(6), report(), tenderProject("1"));

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).hasSize(1);
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }
    }
}
