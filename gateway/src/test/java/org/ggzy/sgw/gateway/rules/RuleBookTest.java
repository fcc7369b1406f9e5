package org.ggzy.sgw.gateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.CONTEXT;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.archive;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.bidderA;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.bidderB;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.bidderC;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.collusion;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.gcjs;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.procedure;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.record;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.reorderings;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.tenderProject;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.zfcg;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    final RuleBook book = new RuleBook(procedure(), archive(), collusion());

    /** Every valid example of section E3501000717002688002001, with three bidders and a committee of five. */
    static List<SectionRecord> validLifecycle() {
        List<SectionRecord> records = new ArrayList<>(List.of(
                tenderProject("1"),
                record("gcjs.bid-section", "valid-construction.json"),
                record("gcjs.tender-notice", "valid-original.json"),
                record("gcjs.tender-notice", "valid-change-notice.json"),
                record("gcjs.tender-document", "valid-original.json"),
                record("gcjs.tender-document", "valid-postponed.json"),
                bidderA(),
                bidderB(),
                bidderC(),
                record("gcjs.bid-file-fingerprint", "valid-bid-file.json"),
                record("gcjs.bid-opening", "valid-opening.json"),
                record("gcjs.evaluation-report", "valid-report.json"),
                record("gcjs.candidate-publicity", "valid-three-candidates.json"),
                record("gcjs.win-result", "valid-award.json"),
                record("gcjs.win-notice", "valid-letter-of-award.json"),
                record("gcjs.contract", "valid-construction-contract.json"),
                record("gcjs.complaint", "valid-handled-complaint.json"),
                record("gcjs.av-archive", "valid-opening-archive.json"),
                record("gcjs.av-archive", "valid-evaluation-archive.json")));
        records.addAll(EvaluationRulesTest.committee(5));
        return records;
    }

    @Nested
    class Catalogue {

        @Test
        void shouldHoldEveryStateRuleInCatalogueOrder() {
            assertThat(book.all())
                    .extracting(Rule::id)
                    .containsExactly(
                            "P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10", "P11", "P12", "Z01",
                            "Z02", "P13", "P14", "A02", "A03", "A04", "R01", "R02", "R03", "R04");
            assertThat(book.all())
                    .extracting(Rule::name)
                    .doesNotHaveDuplicates()
                    .contains("BID_PERIOD_TOO_SHORT", "ZFCG_CONTRACT_TOO_LATE", "AV_RETENTION_TOO_SHORT")
                    .doesNotContain("PUSH_LATE", "STAGE_MISSING", "SEQUENCE_GAP", "AV_ARCHIVE_MISSING");
        }

        @Test
        void shouldRunTheRulesABidderRecordCanChange() {
            assertThat(book.triggeredBy("gcjs.bidder"))
                    .extracting(Rule::id)
                    .containsExactly("P05", "P10", "P11", "R02", "R03", "R04");
        }

        @Test
        void shouldRunTheMandatoryTenderRulesWhenTheTenderProjectChanges() {
            assertThat(book.triggeredBy("gcjs.tender-project"))
                    .extracting(Rule::id)
                    .containsExactly("P01", "P06", "P07", "P08", "P12");
        }

        @Test
        void shouldRunTheBondRuleWhenTheBidSectionArrives() {
            assertThat(book.triggeredBy("gcjs.bid-section"))
                    .extracting(Rule::id)
                    .containsExactly("P04");
            assertThat(book.triggeredBy("zfcg.purchase-project"))
                    .extracting(Rule::id)
                    .containsExactly("Z01");
        }

        @Test
        void shouldRunNothingForADataSetNoRuleReads() {
            assertThat(book.triggeredBy("gcjs.tender-exception")).isEmpty();
            assertThat(book.triggeredBy("gcjs.project")).isEmpty();
        }
    }

    @Nested
    class Configuration {

        @Test
        void shouldDefaultToTheThresholdsOfTheCatalogue() {
            ProcedureProperties p = procedure();

            assertThat(List.of(
                            p.bidPeriodDays(),
                            p.docSaleDays(),
                            p.clarificationDays(),
                            p.minBidders(),
                            p.minExperts(),
                            p.publicityStartMaxDays(),
                            p.publicityMinDays(),
                            p.contractMaxDays(),
                            p.zfcgBidPeriodDays(),
                            p.zfcgContractMaxDays(),
                            p.complaintAcceptMaxWorkingDays(),
                            p.complaintDecisionMaxWorkingDays()))
                    .containsExactly(20, 5, 15, 3, 5, 3, 3, 30, 20, 30, 3, 30);
            assertThat(p.bondMaxPercent()).isEqualByComparingTo("2");
            assertThat(p.priceTolerance()).isEqualByComparingTo("0.01");
            assertThat(archive())
                    .isEqualTo(new ArchiveProperties(
                            5,
                            2,
                            15,
                            new ArchiveProperties.Severities(Severity.YELLOW, Severity.ORANGE, Severity.ORANGE)));
            assertThat(collusion().arithmeticTolerancePercent()).isEqualByComparingTo(new BigDecimal("0.01"));
        }

        @Test
        void shouldDefaultToTheSeveritiesOfTheCatalogue() {
            assertThat(book.all().stream().map(r -> r.id() + "=" + ((SectionRule) r).severity()))
                    .containsExactly(
                            "P01=RED",
                            "P02=YELLOW",
                            "P03=ORANGE",
                            "P04=ORANGE",
                            "P05=RED",
                            "P06=RED",
                            "P07=ORANGE",
                            "P08=ORANGE",
                            "P09=ORANGE",
                            "P10=RED",
                            "P11=ORANGE",
                            "P12=YELLOW",
                            "Z01=RED",
                            "Z02=ORANGE",
                            "P13=ORANGE",
                            "P14=ORANGE",
                            "A02=YELLOW",
                            "A03=ORANGE",
                            "A04=ORANGE",
                            "R01=RED",
                            "R02=ORANGE",
                            "R03=RED",
                            "R04=ORANGE");
        }

        @Test
        void shouldBindKebabCaseKeys() {
            ProcedureProperties p = procedure(
                    "bid-period-days",
                    "25",
                    "bond-max-percent",
                    "1.5",
                    "severity.winner-not-first-candidate",
                    "ORANGE");

            assertThat(p.bidPeriodDays()).isEqualTo(25);
            assertThat(p.bondMaxPercent()).isEqualByComparingTo("1.5");
            assertThat(p.severity().winnerNotFirstCandidate()).isEqualTo(Severity.ORANGE);
            assertThat(p.severity().bidPeriodTooShort()).isEqualTo(Severity.RED);
        }
    }

    @Nested
    class WholeSection {

        @Test
        void shouldFindNothingInTheValidExamples() {
            assertThat(book.evaluateAll(gcjs(validLifecycle().toArray(SectionRecord[]::new)), CONTEXT))
                    .isEmpty();
            SectionState lot = zfcg(
                    record("zfcg.purchase-project", "valid-medical-equipment.json"),
                    record("zfcg.purchase-notice", "valid-open-tender-notice.json"),
                    record("zfcg.purchase-result", "valid-award-announcement.json"),
                    record("zfcg.purchase-contract", "valid-supply-contract.json"));
            assertThat(book.evaluateAll(lot, CONTEXT)).isEmpty();
        }

        @Test
        void shouldFindTheSameWhateverTheOrderInWhichATroubledSectionArrived() {
            List<SectionRecord> records = new ArrayList<>(validLifecycle());
            records.replaceAll(r -> switch (r.dataset()) {
                case "gcjs.tender-notice" -> TenderNoticeRulesTest.noticeWithBidPeriod(12, "DATA_KEY", r.dataKey());
                case "gcjs.candidate-publicity" ->
                    record(r.dataset(), "valid-three-candidates.json", "PUBLICITY_END_TIME", "20261218180000");
                case "gcjs.contract" ->
                    record(r.dataset(), "valid-construction-contract.json", "CONTRACT_SIGN_TIME", "20270301100000");
                default -> r;
            });
            records.removeIf(r -> r.dataKey().equals("BD-2026-001203"));
            records.add(bidderC("PM_CODE", "350102198203154512"));
            records.add(bidderB(
                    "DATA_KEY", "BD-2026-001299", "BIDDER_ORG_CODE", "91350102MA32C8RT58", "BID_PRICE", "5386500"));
            SectionState state = gcjs(records.toArray(SectionRecord[]::new));

            List<Finding> expected = book.evaluateAll(state, CONTEXT);

            assertThat(expected)
                    .extracting(Finding::rule)
                    .containsExactly(
                            "BID_PERIOD_TOO_SHORT",
                            "PUBLICITY_TOO_SHORT",
                            "CONTRACT_TOO_LATE",
                            "IDENTICAL_BID_PRICES",
                            "SHARED_PROJECT_MANAGER");
            reorderings(state)
                    .forEach(s -> assertThat(book.evaluateAll(s, CONTEXT)).isEqualTo(expected));
        }
    }
}
