package org.ggzy.sgw.bench.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ggzy.sgw.gateway.rules.Finding;
import org.ggzy.sgw.gateway.rules.Rule;
import org.ggzy.sgw.gateway.rules.RuleBook;
import org.ggzy.sgw.gateway.rules.RuleContext;
import org.ggzy.sgw.gateway.rules.SectionRecord;
import org.ggzy.sgw.gateway.rules.SectionState;
import org.ggzy.sgw.schemas.Catalog;
import org.ggzy.sgw.schemas.RecordValidator;
import org.ggzy.sgw.schemas.Validation;
import org.ggzy.sgw.schemas.check.Uscc;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * The rules benchmark evaluates what it says: a complete, clean lifecycle of one section with 50 distinct bidders,
 * on which the rules do their work (a collusion pattern planted in it is found) and find nothing.
 */
class SectionFixturesTest {

    final RuleBook book = SectionFixtures.ruleBook();
    final RuleContext context = SectionFixtures.context();

    @Test
    void shouldHoldTheWholeLifecycleWithFiftyDistinctBidders() {
        SectionState state = SectionFixtures.section(SectionFixtures.BIDDERS);
        List<SectionRecord> bidders = state.all(SectionFixtures.BIDDER);
        List<SectionRecord> fingerprints = state.all(SectionFixtures.FINGERPRINT);

        assertThat(state.sectionCode()).isEqualTo("E3501040726031600015001");
        assertThat(state.projectCode()).isEqualTo("E3501040726031600015");
        assertThat(bidders).hasSize(50);
        assertThat(fingerprints).hasSize(50);
        assertThat(bidders.stream().map(r -> r.text("BIDDER_ORG_CODE")))
                .doesNotHaveDuplicates()
                .allMatch(Uscc::isValid);
        assertThat(bidders.stream().map(r -> r.text("BIDDER_NAME"))).doesNotHaveDuplicates();
        assertThat(bidders.stream().map(r -> r.text("PM_CODE"))).doesNotHaveDuplicates();
        assertThat(bidders.stream().map(SectionRecord::dataKey)).doesNotHaveDuplicates();
        assertThat(bidders.stream().map(r -> r.decimal("BID_PRICE").orElseThrow()))
                .doesNotHaveDuplicates()
                .allMatch(p -> p.compareTo(SectionFixtures.CEILING_YUAN) < 0)
                .allMatch(p -> p.compareTo(new BigDecimal("174862307.85")) >= 0);
        for (String field : List.of("MAC_ADDRESS", "CPU_ID", "HARD_DISK_SERIAL_NUMBER")) {
            assertThat(fingerprints.stream().map(r -> r.text(field))).as(field).doesNotHaveDuplicates();
        }
        assertThat(fingerprints.stream().map(r -> r.text("BIDDER_ORG_CODE")))
                .containsExactlyInAnyOrderElementsOf(
                        bidders.stream().map(r -> r.text("BIDDER_ORG_CODE")).toList());
        // every step of the scenario but the investment project (gcjs.project, not attached to the tender project)
        assertThat(state.records()).hasSize(25 - 8 + 100);
        assertThat(state.has("gcjs.project")).isFalse();
        for (String dataset : List.of(
                "gcjs.tender-project",
                "gcjs.bid-section",
                "gcjs.tender-notice",
                "gcjs.tender-document",
                "gcjs.bid-opening",
                "gcjs.evaluation-expert",
                "gcjs.evaluation-report",
                "gcjs.candidate-publicity",
                "gcjs.win-result",
                "gcjs.win-notice",
                "gcjs.contract",
                "gcjs.av-archive")) {
            assertThat(state.has(dataset)).as(dataset).isTrue();
        }
    }

    @Test
    void shouldMakeOnlyRecordsTheGatewayWouldAccept() {
        Catalog catalog = Catalog.load();
        RecordValidator validator = RecordValidator.standard(catalog);
        for (SectionRecord record : SectionFixtures.records(SectionFixtures.BIDDERS)) {
            Validation v = validator.validate(catalog.find(record.dataset()).orElseThrow(), record.payload());
            assertThat(v.violations()).as(record.recordId()).isEmpty();
            assertThat(v.unknownFields()).as(record.recordId()).isEmpty();
        }
    }

    @Test
    void shouldFindNothingInTheCleanSectionWhateverItsSize() {
        for (int bidders : new int[] {SectionFixtures.SCENARIO_BIDDERS, 50, 100}) {
            SectionState state = SectionFixtures.section(bidders);
            assertThat(state.all(SectionFixtures.BIDDER)).hasSize(bidders);
            assertThat(evaluateAll(state)).as(bidders + " bidders").isEmpty();
        }
    }

    @Test
    void shouldFindCollusionPlantedAmongTheFiftyBidders() {
        List<SectionRecord> records = SectionFixtures.records(SectionFixtures.BIDDERS);
        String pmOf20 = records.stream()
                .filter(r -> r.dataKey().equals("BD-2026-003171"))
                .findFirst()
                .orElseThrow()
                .text("PM_CODE");
        String macOf7 = records.stream()
                .filter(r -> r.dataKey().equals("FP-2026-003158"))
                .findFirst()
                .orElseThrow()
                .text("MAC_ADDRESS");

        List<SectionRecord> planted = new ArrayList<>(records);
        planted.replaceAll(r -> switch (r.dataKey()) {
            case "BD-2026-003191" -> with(r, p -> p.put("PM_CODE", pmOf20));
            case "FP-2026-003190" -> with(r, p -> p.put("MAC_ADDRESS", macOf7));
            default -> r;
        });

        assertThat(evaluateAll(SectionFixtures.section(planted)))
                .extracting(Finding::rule)
                .containsExactly("SHARED_DEVICE_FINGERPRINT", "SHARED_PROJECT_MANAGER");
    }

    @Test
    void shouldMeasureEveryRuleOfTheRuleBook() throws Exception {
        assertThat(book.all()).hasSize(23);
        String[] ids = RuleByRuleBenchmark.class
                .getField("rule")
                .getAnnotation(Param.class)
                .value();
        assertThat(ids)
                .containsExactlyElementsOf(book.all().stream().map(Rule::id).toList());
    }

    @Test
    void shouldSetUpTheBenchmarksOnTheCleanSection() {
        SectionRulesBenchmark section = new SectionRulesBenchmark();
        section.bidders = SectionFixtures.BIDDERS;
        section.setUp();

        RuleByRuleBenchmark oneRule = new RuleByRuleBenchmark();
        oneRule.rule = "R01";
        oneRule.bidders = SectionFixtures.BIDDERS;
        oneRule.setUp();
        assertThat(oneRule.evaluate()).isEmpty();
    }

    private List<Finding> evaluateAll(SectionState state) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : book.all()) {
            findings.addAll(rule.evaluate(state, context));
        }
        return findings;
    }

    private static SectionRecord with(SectionRecord record, UnaryOperator<ObjectNode> change) {
        ObjectNode payload = change.apply(record.payload().deepCopy());
        return new SectionRecord(
                record.dataset(),
                record.platformCode(),
                record.dataKey(),
                record.recordId(),
                record.receivedAt(),
                payload);
    }
}
