package org.ggzy.sgw.gateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.CONTEXT;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.gcjs;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.procedure;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.record;
import static org.ggzy.sgw.gateway.rules.RuleFixtures.reorderings;

import org.junit.jupiter.api.Test;

class ContractLateRuleTest {

    static final String CONTRACT = "gcjs.contract";

    /** The example letter of award, sent on 20261222. */
    static SectionRecord letter(String... fieldValues) {
        return record("gcjs.win-notice", "valid-letter-of-award.json", fieldValues);
    }

    /** The example contract, signed on 20270108. */
    static SectionRecord contract(String... fieldValues) {
        return record(CONTRACT, "valid-construction-contract.json", fieldValues);
    }

    final ContractLateRule rule = new ContractLateRule(procedure());

    @Test
    void shouldNotFireOnTheValidExamples() {
        assertThat(rule.evaluate(gcjs(letter(), contract()), CONTEXT)).isEmpty();
    }

    @Test
    void shouldFireOrangeWhenSignedThirtyOneDaysAfterTheLetter() {
        SectionRecord letter = letter();
        SectionRecord contract = contract("CONTRACT_SIGN_TIME", "20270122100000", "SUBMIT_TIME", "20270123090000");

        assertThat(rule.evaluate(gcjs(contract, letter), CONTEXT))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("CONTRACT_TOO_LATE");
                    assertThat(f.severity()).isEqualTo(Severity.ORANGE);
                    assertThat(f.dataset()).isEqualTo(CONTRACT);
                    assertThat(f.message())
                            .isEqualTo(
                                    "Contract signed 31 days after the letter of award: WIN_NOTICE_SEND_TIME 20261222,"
                                            + " CONTRACT_SIGN_TIME 20270122; at most 30 allowed");
                    assertThat(f.messageZh()).isEqualTo("自中标通知书发出之日(20261222)起 31 日才订立书面合同(20270122)，超过 30 日");
                    assertThat(f.legalBasis()).isEqualTo("《中华人民共和国招标投标法》第四十六条");
                    assertThat(f.evidence())
                            .containsEntry("WIN_NOTICE_SEND_TIME", "20261222100000")
                            .containsEntry("CONTRACT_SIGN_TIME", "20270122100000")
                            .containsEntry("CONTRACT_CODE", "GLJY-SG-2027-001")
                            .containsEntry("days", 31)
                            .containsEntry("maxDays", 30);
                    assertThat(f.recordIds()).containsExactly(contract.recordId(), letter.recordId());
                });
    }

    @Test
    void shouldNotFireWhenSignedOnTheThirtiethDay() {
        assertThat(rule.evaluate(gcjs(letter(), contract("CONTRACT_SIGN_TIME", "20270121235900")), CONTEXT))
                .isEmpty();
    }

    @Test
    void shouldNotFireWhenTheLetterOrTheContractIsMissing() {
        assertThat(rule.evaluate(gcjs(contract("CONTRACT_SIGN_TIME", "20270301100000")), CONTEXT))
                .isEmpty();
        assertThat(rule.evaluate(gcjs(letter()), CONTEXT)).isEmpty();
    }

    @Test
    void shouldCountFromALetterReissuedBeforeSigning() {
        SectionRecord reissued = letter("DATA_KEY", "WN-2", "WIN_NOTICE_SEND_TIME", "20270105100000");
        SectionState state = gcjs(letter(), reissued, contract("CONTRACT_SIGN_TIME", "20270130100000"));

        assertThat(rule.evaluate(state, CONTEXT)).isEmpty();
        reorderings(state).forEach(s -> assertThat(rule.evaluate(s, CONTEXT)).isEmpty());
    }
}
