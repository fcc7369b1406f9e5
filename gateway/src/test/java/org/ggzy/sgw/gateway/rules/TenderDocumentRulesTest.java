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

class TenderDocumentRulesTest {

    static final String DOCUMENT = "gcjs.tender-document";

    /** A clarification (not postponing) of the example section, whose bids are due on 20261211. */
    static SectionRecord clarification(String clarifyTime, String... more) {
        return record(
                DOCUMENT,
                "valid-postponed.json",
                RuleFixtures.fields(
                        more,
                        "IS_POSTPONE",
                        "0",
                        "POST_OPEN_TIME",
                        null,
                        "POST_OPEN_ADDRESS",
                        null,
                        "CLARIFY_TIME",
                        clarifyTime));
    }

    static SectionRecord section(String... fieldValues) {
        return record("gcjs.bid-section", "valid-construction.json", fieldValues);
    }

    static SectionRecord original(String... fieldValues) {
        return record(DOCUMENT, "valid-original.json", fieldValues);
    }

    @Nested
    class Clarification {

        final ClarificationRule rule = new ClarificationRule(procedure());

        @Test
        void shouldNotFireOnTheValidExamples() {
            SectionState state = gcjs(original(), record(DOCUMENT, "valid-postponed.json"));

            assertThat(rule.evaluate(state, CONTEXT)).isEmpty();
        }

        @Test
        void shouldFireOrangeWhenFourteenDaysWithoutPostponement() {
            SectionRecord document = clarification("20261127100000");

            assertThat(rule.evaluate(gcjs(document), CONTEXT)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("CLARIFICATION_TOO_LATE");
                assertThat(f.severity()).isEqualTo(Severity.ORANGE);
                assertThat(f.dataset()).isEqualTo(DOCUMENT);
                assertThat(f.message())
                        .isEqualTo("Clarification issued on CLARIFY_TIME 20261127, only 14 days before"
                                + " BID_DOC_REFER_END_TIME 20261211, without postponing the deadline; at least 15"
                                + " required");
                assertThat(f.messageZh()).isEqualTo("澄清或者修改发出之日(20261127)距投标截止时间(20261211)仅 14 日，不足 15 日且未顺延投标截止时间");
                assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法实施条例》第二十一条");
                assertThat(f.evidence())
                        .containsEntry("CLARIFY_TIME", "20261127100000")
                        .containsEntry("BID_DOC_REFER_END_TIME", "20261211093000")
                        .containsEntry("IS_POSTPONE", "0")
                        .containsEntry("DOC_NO", "E3501000717002688002001002")
                        .containsEntry("days", 14)
                        .containsEntry("minDays", 15);
                assertThat(f.recordIds()).containsExactly(document.recordId());
            });
        }

        @Test
        void shouldNotFireWhenExactlyFifteenDays() {
            assertThat(rule.evaluate(gcjs(clarification("20261126235900")), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldNotFireWhenTheDeadlineIsPostponed() {
            SectionRecord postponed = record(DOCUMENT, "valid-postponed.json", "CLARIFY_TIME", "20261210090000");

            assertThat(rule.evaluate(gcjs(postponed), CONTEXT)).isEmpty();
        }

        @Test
        void shouldNotFireWhenTheDocumentClarifiesNothing() {
            SectionRecord blank = clarification("20261209090000", "CLARIFY_CONTENT", "  ");

            assertThat(rule.evaluate(gcjs(blank, original()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldReportTheLatestClarificationWhateverTheOrderOfRecords() {
            SectionRecord first = clarification("20261127100000", "DATA_KEY", "TD-A");
            SectionRecord second = clarification("20261206100000", "DATA_KEY", "TD-B");
            SectionState state = gcjs(first, original(), second);

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).singleElement().satisfies(f -> {
                assertThat(f.evidence()).containsEntry("days", 5).containsEntry("offendingRecords", 2);
                assertThat(f.recordIds()).containsExactly(second.recordId());
            });
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }
    }

    @Nested
    class BidBond {

        final BidBondRule rule = new BidBondRule(procedure());

        @Test
        void shouldNotFireOnTheValidExamples() {
            SectionState state = gcjs(section(), original(), record(DOCUMENT, "valid-postponed.json"));

            assertThat(rule.evaluate(state, CONTEXT)).isEmpty();
        }

        @Test
        void shouldFireOrangeWhenTheBondExceedsTwoPercentOfTheEstimatedPrice() {
            SectionRecord document = original("MARGIN_AMOUNT", "150000");
            SectionRecord section = section();

            assertThat(rule.evaluate(gcjs(document, section), CONTEXT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("BID_BOND_TOO_HIGH");
                        assertThat(f.severity()).isEqualTo(Severity.ORANGE);
                        assertThat(f.dataset()).isEqualTo(DOCUMENT);
                        assertThat(f.message())
                                .isEqualTo(
                                        "Bid bond MARGIN_AMOUNT 150000 yuan exceeds 2% of CONTRACT_RECKON_PRICE 5600000"
                                                + " yuan (112000 yuan): it is 2.6786%");
                        assertThat(f.messageZh())
                                .isEqualTo("投标保证金 150000 元超过标段合同估算价 5600000 元的 2%(112000 元)，为其 2.6786%");
                        assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法实施条例》第二十六条");
                        assertThat(f.evidence())
                                .containsEntry("MARGIN_AMOUNT", "150000")
                                .containsEntry("MARGIN_AMOUNT_UNIT", "0")
                                .containsEntry("CONTRACT_RECKON_PRICE", "560")
                                .containsEntry("PRICE_UNIT", "1")
                                .containsEntry("marginYuan", "150000")
                                .containsEntry("reckonPriceYuan", "5600000")
                                .containsEntry("limitYuan", "112000")
                                .containsEntry("maxPercent", "2")
                                .containsEntry("marginPercent", "2.6786");
                        assertThat(f.recordIds()).containsExactly(document.recordId(), section.recordId());
                    });
        }

        @Test
        void shouldFireOneFenAboveTheLimitButNotAtIt() {
            assertThat(rule.evaluate(gcjs(original("MARGIN_AMOUNT", "112000.01"), section()), CONTEXT))
                    .hasSize(1);
            assertThat(rule.evaluate(gcjs(original("MARGIN_AMOUNT", "112000"), section()), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldNormaliseTenThousandYuanUnitsOnBothSides() {
            SectionRecord bondInWan = original("MARGIN_AMOUNT", "11.5", "MARGIN_AMOUNT_UNIT", "1");
            SectionRecord priceInYuan = section("CONTRACT_RECKON_PRICE", "5600000", "PRICE_UNIT", "0");

            assertThat(rule.evaluate(gcjs(bondInWan, priceInYuan), CONTEXT))
                    .singleElement()
                    .satisfies(f -> assertThat(f.evidence())
                            .containsEntry("marginYuan", "115000")
                            .containsEntry("reckonPriceYuan", "5600000"));
            assertThat(rule.evaluate(
                            gcjs(original("MARGIN_AMOUNT", "11.2", "MARGIN_AMOUNT_UNIT", "1"), section()), CONTEXT))
                    .isEmpty();
        }

        @Test
        void shouldTakeAmountsWithoutUnitAsYuan() {
            SectionRecord document = original("MARGIN_AMOUNT", "120000", "MARGIN_AMOUNT_UNIT", null);
            SectionRecord section = section("CONTRACT_RECKON_PRICE", "5600000", "PRICE_UNIT", null);

            assertThat(rule.evaluate(gcjs(document, section), CONTEXT)).hasSize(1);
        }

        @Test
        void shouldWaitForTheBidSection() {
            SectionRecord document = original("MARGIN_AMOUNT", "150000");

            assertThat(rule.evaluate(gcjs(document), CONTEXT)).isEmpty();
            assertThat(rule.evaluate(gcjs(section(), document), CONTEXT)).hasSize(1);
        }

        @Test
        void shouldNotFireWhenTheBondIsGivenAsARate() {
            SectionRecord document = original("MARGIN_AMOUNT", null, "MARGIN_PERCENT", "投标报价的 2%");

            assertThat(rule.evaluate(gcjs(document, section()), CONTEXT)).isEmpty();
        }

        @Test
        void shouldReportTheHighestBondWhateverTheOrderOfRecords() {
            SectionRecord lower = original("DATA_KEY", "TD-A", "MARGIN_AMOUNT", "120000");
            SectionRecord higher = original("DATA_KEY", "TD-B", "MARGIN_AMOUNT", "16", "MARGIN_AMOUNT_UNIT", "1");
            SectionState state = gcjs(lower, section(), higher, original());

            List<Finding> expected = rule.evaluate(state, CONTEXT);

            assertThat(expected).singleElement().satisfies(f -> {
                assertThat(f.evidence()).containsEntry("marginYuan", "160000").containsEntry("offendingRecords", 2);
                assertThat(f.recordIds()).startsWith(higher.recordId());
            });
            reorderings(state)
                    .forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
        }
    }
}
