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

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WinResultRulesTest {

    static final String WIN_RESULT = "gcjs.win-result";

    /** The example win result: the consortium led by 91350100158143720R wins at 5386500 yuan on 20261222. */
    static SectionRecord result(String... fieldValues) {
        return record(WIN_RESULT, "valid-award.json", fieldValues);
    }

    /** The example publicity: 91350100158143720R first at 5386500, 91350105MA31U8XK2B second. */
    static SectionRecord publicity(String... fieldValues) {
        return record("gcjs.candidate-publicity", "valid-three-candidates.json", fieldValues);
    }

    @Nested
    class WinnerNotABidder {

        final WinnerNotABidderRule rule = new WinnerNotABidderRule(procedure());

        @Test
        void shouldNotFireOnTheValidExamples() {
            assertThat(rule.evaluate(gcjs(result(), bidderA(), bidderB(), bidderC()), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldRecogniseAConsortiumMemberAsTheWinner() {
            assertThat(rule.evaluate(gcjs(result("WIN_BIDDER_CODE", "91350203MA2XQ7PL00"), bidderA()), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldFireRedWhenTheWinnerDidNotBid() {
            SectionRecord result = result("WIN_BIDDER_CODE", "91350102MA32C8RT58", "WIN_BIDDER_NAME", "福建正信工程监理有限公司");
            SectionRecord b = bidderB();
            SectionRecord c = bidderC();

            assertThat(rule.evaluate(gcjs(c, result, b), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("WINNER_NOT_A_BIDDER");
                        assertThat(f.severity()).isEqualTo(Severity.RED);
                        assertThat(f.dataset()).isEqualTo(WIN_RESULT);
                        assertThat(f.message())
                                .isEqualTo("Winner 91350102MA32C8RT58 (福建正信工程监理有限公司) is not among the 2 bidders of the"
                                        + " section (BIDDER_ORG_CODE 91350105MA31U8XK2B, 91350503MA8RT4W6N6)");
                        assertThat(f.messageZh())
                                .isEqualTo("中标人福建正信工程监理有限公司(91350102MA32C8RT58)不在本标段的 2 个投标人"
                                        + "(91350105MA31U8XK2B、91350503MA8RT4W6N6)之中");
                        assertThat(f.legalBasis()).isEqualTo("《福建省公共资源交易电子行政监督平台管理暂行办法》第十三条第（三）项（数据推送的真实性）");
                        assertThat(f.evidence())
                                .containsEntry("WIN_BIDDER_CODE", "91350102MA32C8RT58")
                                .containsEntry("distinctBidders", 2)
                                .containsEntry("BIDDER_ORG_CODE", List.of("91350105MA31U8XK2B", "91350503MA8RT4W6N6"));
                        assertThat(f.recordIds()).containsExactly(result.recordId(), b.recordId(), c.recordId());
                    });
        }

        @Test
        void shouldFindTheSameWhateverTheOrderOfRecords() {
            SectionRecord one = result("WIN_BIDDER_CODE", "91350102MA32C8RT58");
            SectionRecord other = result("DATA_KEY", "WR-2", "WIN_BIDDER_CODE", "91350100MA2Y8C1T40");
            SectionState state = gcjs(one, bidderA(), other, bidderB());

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).singleElement().satisfies(f -> assertThat(f.evidence())
                    .containsEntry("offendingRecords", 2));
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }

        @Test
        void shouldWaitForTheBidders() {
            assertThat(rule.evaluate(gcjs(result("WIN_BIDDER_CODE", "91350102MA32C8RT58")), CONTEXT))
                    .isEmpty();
        }
    }

    @Nested
    class WinPriceMismatch {

        final WinPriceRule rule = new WinPriceRule(procedure());

        @Test
        void shouldNotFireOnTheValidExamples() {
            assertThat(rule.evaluate(gcjs(result(), bidderA(), bidderB(), publicity()), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldFireOrangeWhenTheAmountDiffersByTwoFen() {
            SectionRecord result = result("BID_AMOUNT", "5386500.02");
            SectionRecord bidder = bidderA();

            assertThat(rule.evaluate(gcjs(result, bidder), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("WIN_PRICE_MISMATCH");
                        assertThat(f.severity()).isEqualTo(Severity.ORANGE);
                        assertThat(f.dataset()).isEqualTo(WIN_RESULT);
                        assertThat(f.message())
                                .isEqualTo(
                                        "Winning amount BID_AMOUNT 5386500.02 yuan differs from the winner's BID_PRICE"
                                                + " 5386500 yuan by 0.02 yuan");
                        assertThat(f.messageZh()).isEqualTo("中标金额 5386500.02 元与中标人的投标报价 5386500 元不一致，相差 0.02 元");
                        assertThat(f.evidence())
                                .containsEntry("BID_AMOUNT", "5386500.02")
                                .containsEntry("BID_PRICE", "5386500")
                                .containsEntry("bidAmountYuan", "5386500.02")
                                .containsEntry("bidPriceYuan", "5386500")
                                .containsEntry("differenceYuan", "0.02")
                                .containsEntry("toleranceYuan", "0.01");
                        assertThat(f.recordIds()).containsExactly(result.recordId(), bidder.recordId());
                    });
        }

        @Test
        void shouldNotFireWithinOneFen() {
            assertThat(rule.evaluate(gcjs(result("BID_AMOUNT", "5386500.01"), bidderA()), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldCompareInYuanWhateverTheUnits() {
            SectionRecord inWan = result("BID_AMOUNT", "538.65", "PRICE_UNIT", "1");

            assertThat(rule.evaluate(gcjs(inWan, bidderA()), CONTEXT)).isEmpty();
            assertThat(rule.evaluate(gcjs(result("BID_AMOUNT", "538.66", "PRICE_UNIT", "1"), bidderA()), CONTEXT))
                    .singleElement()
                    .satisfies(f -> assertThat(f.evidence()).containsEntry("differenceYuan", "100"));
        }

        @Test
        void shouldFireWhenThePublishedCandidatePriceDiffers() {
            SectionRecord publicity = publicity("FIRST_BIDDER_PRICE", "538", "PRICE_UNIT", "1");

            assertThat(rule.evaluate(gcjs(result(), bidderA(), publicity), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.message())
                                .isEqualTo("Winning amount BID_AMOUNT 5386500 yuan differs from the winner's candidate"
                                        + " price FIRST_BIDDER_PRICE 5380000 yuan by 6500 yuan");
                        assertThat(f.messageZh()).isEqualTo("中标金额 5386500 元与公示的该中标候选人投标报价 5380000 元不一致，相差 6500 元");
                        assertThat(f.evidence())
                                .containsEntry("BID_PRICE", "5386500")
                                .containsEntry("FIRST_BIDDER_PRICE", "538")
                                .containsEntry("firstBidderPriceYuan", "5380000");
                    });
        }

        @Test
        void shouldReportTheLargestDifferenceWhateverTheOrderOfRecords() {
            SectionRecord small = result("BID_AMOUNT", "5386600");
            SectionRecord large = result("DATA_KEY", "WR-2", "BID_AMOUNT", "5390000");
            SectionState state = gcjs(small, bidderA(), publicity(), large);

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).singleElement().satisfies(f -> {
                assertThat(f.evidence()).containsEntry("differenceYuan", "3500").containsEntry("offendingRecords", 2);
                assertThat(f.recordIds()).startsWith(large.recordId());
            });
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }

        @Test
        void shouldNotCompareARate() {
            SectionRecord rate = result("PRICE_FORM_CODE", "2", "BID_AMOUNT", "1.85", "OTHER_BID_PRICE", "费率 1.85%");

            assertThat(rule.evaluate(gcjs(rate, bidderA()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldNotFireWithoutAPriceToCompareWith() {
            assertThat(rule.evaluate(gcjs(result("BID_AMOUNT", "1")), CONTEXT)).isEmpty();
            assertThat(rule.evaluate(gcjs(result("BID_AMOUNT", "1"), bidderB()), CONTEXT))
                    .isEmpty();
        }
    }

    @Nested
    class WinnerNotFirstCandidate {

        final FirstCandidateRule rule = new FirstCandidateRule(procedure());

        static SectionRecord secondWins() {
            return result("WIN_BIDDER_CODE", "91350105MA31U8XK2B", "WIN_BIDDER_NAME", "福建闽江建筑集团有限公司");
        }

        @Test
        void shouldNotFireOnTheValidExamples() {
            assertThat(rule.evaluate(gcjs(result(), publicity(), tenderProject("1")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldFireYellowWhenTheSecondCandidateWins() {
            SectionRecord result = secondWins();
            SectionRecord publicity = publicity();
            SectionRecord project = tenderProject("1");

            assertThat(rule.evaluate(gcjs(project, result, publicity), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("WINNER_NOT_FIRST_CANDIDATE");
                        assertThat(f.severity()).isEqualTo(Severity.YELLOW);
                        assertThat(f.dataset()).isEqualTo(WIN_RESULT);
                        assertThat(f.message())
                                .isEqualTo("Winner 福建闽江建筑集团有限公司(91350105MA31U8XK2B) is not the first candidate"
                                        + " 福建榕城建设工程有限公司(91350100158143720R) of the publicity but candidate"
                                        + " no. 2");
                        assertThat(f.messageZh())
                                .isEqualTo("中标人福建闽江建筑集团有限公司(91350105MA31U8XK2B)不是公示的排名第一的中标候选人"
                                        + "福建榕城建设工程有限公司(91350100158143720R)，而是排名第二的中标候选人");
                        assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法实施条例》第五十五条");
                        assertThat(f.evidence())
                                .containsEntry("WIN_BIDDER_CODE", "91350105MA31U8XK2B")
                                .containsEntry("FIRST_BIDDER_CODE", "91350100158143720R")
                                .containsEntry("winnerRank", 2)
                                .containsEntry("IS_TO_LAW", "1");
                        assertThat(f.recordIds())
                                .containsExactly(result.recordId(), publicity.recordId(), project.recordId());
                    });
        }

        @Test
        void shouldRecogniseTheFirstCandidateAmongAConsortiumsCodes() {
            SectionRecord result = result("WIN_BIDDER_CODE", "91350203MA2XQ7PL00;91350100158143720R");

            assertThat(rule.evaluate(gcjs(result, publicity()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldNotFireWhenTheProjectNeedNotBeTenderedByLaw() {
            assertThat(rule.evaluate(gcjs(secondWins(), publicity(), tenderProject("0")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldNotFireBeforeThePublicityOrWhenItNamesNoFirstCandidate() {
            SectionRecord unnamed = publicity("FIRST_BIDDER_CODE", null, "FIRST_BIDDER_NAME", null);

            assertThat(rule.evaluate(gcjs(secondWins()), CONTEXT)).isEmpty();
            assertThat(rule.evaluate(gcjs(secondWins(), unnamed), CONTEXT)).isEmpty();
        }

        @Test
        void shouldJudgeByThePublicityTheResultFollowsWhateverTheOrderOfRecords() {
            SectionRecord republished = publicity(
                    "DATA_KEY",
                    "CP-2",
                    "PUBLICITY_START_TIME",
                    "20261218090000",
                    "FIRST_BIDDER_CODE",
                    "91350105MA31U8XK2B",
                    "FIRST_BIDDER_NAME",
                    "福建闽江建筑集团有限公司");
            SectionState state = gcjs(publicity(), secondWins(), republished);

            assertThat(rule.evaluate(state, CONTEXT)).isEmpty();
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEmpty());
        }
    }
}
