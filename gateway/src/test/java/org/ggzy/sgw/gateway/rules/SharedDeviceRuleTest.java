package org.ggzy.sgw.gateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.CONTEXT;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.collusion;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.gcjs;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.record;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.reorderings;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedDeviceRuleTest {

    static final String A = CollusionRulesTest.A;
    static final String B = CollusionRulesTest.B;
    static final String C = CollusionRulesTest.C;

    /** The example bid file of bidder A: MAC 00-1A-2B-3C-4D-5E and -5F, CPU BFEBFBFF000906EA, disk S4EVNX0N812345K. */
    static SectionRecord fileOfA() {
        return record("gcjs.bid-file-fingerprint", "valid-bid-file.json");
    }

    /** Bidder B's bid file, made on another computer unless the fields say otherwise. */
    static SectionRecord fileOfB(String... more) {
        return record(
                "gcjs.bid-file-fingerprint",
                "valid-bid-file.json",
                RuleFixtures.fields(
                        more,
                        "DATA_KEY",
                        "FP-2026-001202",
                        "BIDDER_ORG_CODE",
                        B,
                        "BIDDER_NAME",
                        "福建闽江建筑集团有限公司",
                        "MAC_ADDRESS",
                        "3C-97-0E-11-22-33",
                        "CPU_ID",
                        "178BFBFF00A20F12",
                        "HARD_DISK_SERIAL_NUMBER",
                        "WD-WX31A8765432"));
    }

    final SharedDeviceRule rule = new SharedDeviceRule(collusion());

    @Test
    void shouldNotFireWhenEveryBidFileComesFromAnotherComputer() {
        assertThat(rule.evaluate(gcjs(fileOfA(), fileOfB()), CONTEXT)).isEmpty();
    }

    @Test
    void shouldFireRedWhenTwoBiddersShareANetworkCardWrittenDifferently() {
        SectionRecord a = fileOfA();
        SectionRecord b = fileOfB("MAC_ADDRESS", "3c:97:0e:11:22:33;00:1a:2b:3c:4d:5f");

        assertThat(rule.evaluate(gcjs(b, a), CONTEXT)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("SHARED_DEVICE_FINGERPRINT");
            assertThat(f.severity()).isEqualTo(Severity.RED);
            assertThat(f.dataset()).isEqualTo("gcjs.bid-file-fingerprint");
            assertThat(f.message())
                    .isEqualTo("Bid files of 2 bidders were made on the same computer: MAC_ADDRESS 001A2B3C4D5F (" + A
                            + ", " + B + ")");
            assertThat(f.messageZh())
                    .isEqualTo("2 个投标人(" + A + "、" + B + ")的投标文件制作设备特征码相同(MAC_ADDRESS 001A2B3C4D5F (" + A + ", " + B
                            + "))，疑似由同一单位或者个人编制");
            assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法实施条例》第四十条第（一）项");
            assertThat(f.evidence())
                    .containsEntry(
                            "shared",
                            List.of(Map.of(
                                    "field", "MAC_ADDRESS", "value", "001A2B3C4D5F", "BIDDER_ORG_CODE", List.of(A, B))))
                    .containsEntry("BIDDER_ORG_CODE", List.of(A, B))
                    .containsEntry("bidders", 2);
            assertThat(f.recordIds()).containsExactly(a.recordId(), b.recordId());
        });
    }

    @Test
    void shouldListEverySharedIdentifier() {
        SectionRecord b = fileOfB("CPU_ID", "BFEBFBFF000906EA", "HARD_DISK_SERIAL_NUMBER", "s4evnx0n812345k");

        assertThat(rule.evaluate(gcjs(fileOfA(), b), CONTEXT)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("CPU_ID BFEBFBFF000906EA", "HARD_DISK_SERIAL_NUMBER S4EVNX0N812345K"));
    }

    @Test
    void shouldNotFireOnTwoFilesOfOneBidder() {
        SectionRecord again = record("gcjs.bid-file-fingerprint", "valid-bid-file.json", "DATA_KEY", "FP-2");

        assertThat(rule.evaluate(gcjs(fileOfA(), again), CONTEXT)).isEmpty();
    }

    @Test
    void shouldIgnorePlaceholderValues() {
        SectionRecord a = record(
                "gcjs.bid-file-fingerprint",
                "valid-bid-file.json",
                "MAC_ADDRESS",
                "00-00-00-00-00-00",
                "CPU_ID",
                "NULL");
        SectionRecord b = fileOfB("MAC_ADDRESS", "000000000000", "CPU_ID", "null");

        assertThat(rule.evaluate(gcjs(a, b), CONTEXT)).isEmpty();
    }

    @Test
    void shouldFindTheSameWhateverTheOrderOfRecords() {
        SectionRecord c = fileOfB("DATA_KEY", "FP-C", "BIDDER_ORG_CODE", C, "CPU_ID", "BFEBFBFF000906EA");
        SectionState state = gcjs(fileOfA(), fileOfB("HARD_DISK_SERIAL_NUMBER", "S4EVNX0N812345K"), c);

        List<Finding> expected = rule.evaluate(state, CONTEXT);

        assertThat(expected).singleElement().satisfies(f -> assertThat(f.evidence())
                .containsEntry("bidders", 3));
        reorderings(state).forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEqualTo(expected));
    }
}
