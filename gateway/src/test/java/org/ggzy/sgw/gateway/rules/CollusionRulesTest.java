package org.ggzy.sgw.gateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.CONTEXT;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.bidder;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.bidderA;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.bidderB;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.bidderC;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.collusion;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.gcjs;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.reorderings;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CollusionRulesTest {

    static final String A = "91350100158143720R";
    static final String B = "91350105MA31U8XK2B";
    static final String C = "91350503MA8RT4W6N6";

    @Nested
    class IdenticalBidPrices {

        final IdenticalPricesRule rule = new IdenticalPricesRule(collusion());

        @Test
        void shouldNotFireOnDifferentPrices() {
            assertThat(rule.evaluate(gcjs(bidderA(), bidderB(), bidderC()), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldFireOrangeWhenTwoBiddersBidTheSameAmountInDifferentUnits() {
            SectionRecord a = bidderA();
            SectionRecord b = bidderB("BID_PRICE", "538.65", "PRICE_UNIT", "1");

            assertThat(rule.evaluate(gcjs(a, b, bidderC()), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("IDENTICAL_BID_PRICES");
                        assertThat(f.severity()).isEqualTo(Severity.ORANGE);
                        assertThat(f.dataset()).isEqualTo("gcjs.bidder");
                        assertThat(f.message())
                                .isEqualTo("2 bidders bid identical prices: 5386500 yuan by " + A + ", " + B);
                        assertThat(f.messageZh())
                                .isEqualTo("2 个投标人投标报价相同(" + A + "、" + B + " 均报价 5386500 元)，疑似投标文件异常一致");
                        assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法实施条例》第四十条第（四）项");
                        assertThat(f.evidence())
                                .containsEntry(
                                        "shared",
                                        List.of(Map.of("priceYuan", "5386500", "BIDDER_ORG_CODE", List.of(A, B))))
                                .containsEntry("bidders", 2);
                        assertThat(f.recordIds()).containsExactly(a.recordId(), b.recordId());
                    });
        }

        @Test
        void shouldNotFireOnOneBidderPushedTwice() {
            assertThat(rule.evaluate(gcjs(bidderA(), bidderA("DATA_KEY", "BD-2")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldIgnoreBidsPricedAsARate() {
            SectionRecord rateA = bidderA("PRICE_FORM_CODE", "2", "BID_PRICE", null, "OTHER_BID_PRICE", "费率 1.85%");
            SectionRecord rateB = bidderB("PRICE_FORM_CODE", "2", "BID_PRICE", null, "OTHER_BID_PRICE", "费率 1.85%");

            assertThat(rule.evaluate(gcjs(rateA, rateB), CONTEXT)).isEmpty();
        }
    }

    @Nested
    class SharedProjectManager {

        final SharedManagerRule rule = new SharedManagerRule(collusion());

        @Test
        void shouldNotFireOnDifferentManagers() {
            assertThat(rule.evaluate(gcjs(bidderA(), bidderB(), bidderC()), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldFireRedAndMaskTheDocumentNumberWhenTwoBiddersShareAManager() {
            SectionRecord a = bidderA();
            SectionRecord c = bidderC("PM_CODE", "350102198203154512", "BID_MANAGER", "黄建国");

            assertThat(rule.evaluate(gcjs(c, bidderB(), a), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("SHARED_PROJECT_MANAGER");
                        assertThat(f.severity()).isEqualTo(Severity.RED);
                        assertThat(f.message())
                                .isEqualTo(
                                        "2 bidders name the same project manager: PM_CODE 3501**********4512 (黄建国) for "
                                                + A + ", " + C);
                        assertThat(f.messageZh())
                                .isEqualTo("2 个投标人的投标文件载明的项目负责人为同一人(" + A + "、" + C
                                        + " 的项目负责人均为 黄建国(3501**********4512))");
                        assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法实施条例》第四十条第（三）项");
                        assertThat(f.evidence())
                                .containsEntry(
                                        "shared",
                                        List.of(Map.of(
                                                "PM_CODE",
                                                "3501**********4512",
                                                "BID_MANAGER",
                                                List.of("黄建国"),
                                                "BIDDER_ORG_CODE",
                                                List.of(A, C))));
                        assertThat(f.toString()).doesNotContain("350102198203154512");
                        assertThat(f.recordIds()).containsExactly(a.recordId(), c.recordId());
                    });
        }
    }

    @Nested
    class ArithmeticBidPrices {

        final ArithmeticPricesRule rule = new ArithmeticPricesRule(collusion());

        @Test
        void shouldNotFireOnUnevenlySpacedPrices() {
            assertThat(rule.evaluate(gcjs(bidderA(), bidderB(), bidderC()), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldFireOrangeWhenThreePricesAreEvenlySpaced() {
            SectionRecord a = bidderA();
            SectionRecord b = bidderB();
            SectionRecord c = bidderC("BID_PRICE", "5439100");

            assertThat(rule.evaluate(gcjs(c, a, b), CONTEXT)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("ARITHMETIC_BID_PRICES");
                assertThat(f.severity()).isEqualTo(Severity.ORANGE);
                assertThat(f.message())
                        .isEqualTo("3 bidders' prices are evenly spaced: 5386500, 5412800, 5439100 yuan (gaps 26300,"
                                + " 26300 yuan; bidders " + A + ", " + B + ", " + C + ")");
                assertThat(f.messageZh())
                        .isEqualTo("3 个投标人(" + A + "、" + B + "、" + C
                                + ")的投标报价呈等差排列(5386500、5412800、5439100 元，间距 26300、26300 元)，疑似投标报价呈规律性差异");
                assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法实施条例》第四十条第（四）项");
                assertThat(f.evidence())
                        .containsEntry("BID_PRICE", List.of("5386500", "5412800", "5439100"))
                        .containsEntry("BIDDER_ORG_CODE", List.of(A, B, C))
                        .containsEntry("gapsYuan", List.of("26300", "26300"))
                        .containsEntry("tolerancePercent", "0.01")
                        .containsEntry("bidders", 3);
                assertThat(f.recordIds()).containsExactly(a.recordId(), b.recordId(), c.recordId());
            });
        }

        @Test
        void shouldAllowGapsThatDifferByAtMostOneTenThousandthOfThePrice() {
            // 0.01 % of 5412800 is 541.28 yuan
            assertThat(rule.evaluate(gcjs(bidderA(), bidderB(), bidderC("BID_PRICE", "5439641")), CONTEXT))
                    .hasSize(1);
            assertThat(rule.evaluate(gcjs(bidderA(), bidderB(), bidderC("BID_PRICE", "5439642")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldReportTheLongestEvenlySpacedRun() {
            SectionRecord d = bidder("BD-D", "91350100MA2Y8C1T40", "福州康泰建设有限公司", "5465400", "350111199001011234");
            SectionRecord e = bidder("BD-E", "91350102MA32C8RT58", "福建正信建设有限公司", "5600000", "350111199001015678");
            SectionState state = gcjs(e, bidderC("BID_PRICE", "5439100"), d, bidderA(), bidderB());

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).singleElement().satisfies(f -> assertThat(f.evidence())
                    .containsEntry("bidders", 4)
                    .containsEntry("BID_PRICE", List.of("5386500", "5412800", "5439100", "5465400")));
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }

        @Test
        void shouldLeaveIdenticalPricesToTheIdenticalPriceRule() {
            SectionRecord same = bidderB("BID_PRICE", "5386500");

            assertThat(rule.evaluate(gcjs(bidderA(), same, bidderC("BID_PRICE", "5386500")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldFollowAConfiguredMinimumOfBidders() {
            ArithmeticPricesRule four = new ArithmeticPricesRule(collusion("arithmetic-min-bidders", "4"));

            assertThat(four.evaluate(gcjs(bidderA(), bidderB(), bidderC("BID_PRICE", "5439100")), CONTEXT))
                    .isEmpty();
        }
    }
}
