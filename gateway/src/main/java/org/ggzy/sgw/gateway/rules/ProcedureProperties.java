package org.ggzy.sgw.gateway.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds and severities of the statutory-procedure rules (合规性, rules.md §3: P01 to P14, Z01, Z02). The
 * defaults are the statutory minimums and maximums; a region may only make them stricter.
 *
 * @param bidPeriodDays P01: least calendar days from DOC_GET_START_TIME to BID_DOC_REFER_END_TIME
 *     (招标投标法 第二十四条)
 * @param docSaleDays P02: least calendar days from DOC_GET_START_TIME to DOC_GET_END_TIME
 *     (招标投标法实施条例 第十六条)
 * @param clarificationDays P03: least calendar days from a clarification's CLARIFY_TIME to
 *     BID_DOC_REFER_END_TIME (实施条例 第二十一条)
 * @param bondMaxPercent P04: the largest bid bond, in percent of the section's estimated contract price (实施条例
 *     第二十六条)
 * @param minBidders P05: least distinct bidders when the evaluation report arrives (招标投标法 第二十八条)
 * @param minExperts P06: least members of the evaluation committee, whose number must also be odd (招标投标法
 *     第三十七条)
 * @param publicityStartMaxDays P07: most calendar days from the evaluation report's SUBMIT_TIME to
 *     PUBLICITY_START_TIME (实施条例 第五十四条)
 * @param publicityMinDays P08: least calendar days from PUBLICITY_START_TIME to PUBLICITY_END_TIME
 *     (实施条例 第五十四条)
 * @param contractMaxDays P09: most calendar days from WIN_NOTICE_SEND_TIME to CONTRACT_SIGN_TIME
 *     (招标投标法 第四十六条)
 * @param zfcgBidPeriodDays Z01: least calendar days from BULLETIN_START_TIME to BID_CLOSING_TIME of
 *     an open government tender (政府采购法 第三十五条)
 * @param zfcgContractMaxDays Z02: most calendar days from WIN_BID_BULLETIN_START_TIME to
 *     SIGNING_TIME (政府采购法 第四十六条)
 * @param complaintAcceptMaxWorkingDays P13: most working days from COMPLAINT_DATE to ACCEPT_DATE
 *     (实施条例 第六十一条)
 * @param complaintDecisionMaxWorkingDays P14: most working days from ACCEPT_DATE to HANDLE_DATE
 *     (实施条例 第六十一条)
 * @param priceTolerance P11: the largest difference, in yuan, between the winning amount and the winner's bid price
 *     that still counts as equal
 * @param severity the severity of each rule's warnings
 */
@Validated
@ConfigurationProperties("sgw.rules.procedure")
public record ProcedureProperties(
        @Min(1) @DefaultValue("20") int bidPeriodDays,
        @Min(1) @DefaultValue("5") int docSaleDays,
        @Min(1) @DefaultValue("15") int clarificationDays,
        @NotNull @DecimalMin("0") @DefaultValue("2") BigDecimal bondMaxPercent,
        @Min(1) @DefaultValue("3") int minBidders,
        @Min(1) @DefaultValue("5") int minExperts,
        @Min(0) @DefaultValue("3") int publicityStartMaxDays,
        @Min(1) @DefaultValue("3") int publicityMinDays,
        @Min(0) @DefaultValue("30") int contractMaxDays,
        @Min(1) @DefaultValue("20") int zfcgBidPeriodDays,
        @Min(0) @DefaultValue("30") int zfcgContractMaxDays,
        @Min(0) @DefaultValue("3") int complaintAcceptMaxWorkingDays,
        @Min(0) @DefaultValue("30") int complaintDecisionMaxWorkingDays,
        @NotNull @DecimalMin("0") @DefaultValue("0.01") BigDecimal priceTolerance,
        @Valid @NotNull @DefaultValue Severities severity) {

    /**
     * The severity of each statutory-procedure rule (rules.md §3).
     *
     * @param bidPeriodTooShort P01 BID_PERIOD_TOO_SHORT
     * @param docSaleTooShort P02 DOC_SALE_TOO_SHORT
     * @param clarificationTooLate P03 CLARIFICATION_TOO_LATE
     * @param bidBondTooHigh P04 BID_BOND_TOO_HIGH
     * @param tooFewBidders P05 TOO_FEW_BIDDERS
     * @param committeeInvalid P06 COMMITTEE_INVALID
     * @param publicityTooLate P07 PUBLICITY_TOO_LATE
     * @param publicityTooShort P08 PUBLICITY_TOO_SHORT
     * @param contractTooLate P09 CONTRACT_TOO_LATE
     * @param winnerNotABidder P10 WINNER_NOT_A_BIDDER
     * @param winPriceMismatch P11 WIN_PRICE_MISMATCH
     * @param winnerNotFirstCandidate P12 WINNER_NOT_FIRST_CANDIDATE
     * @param zfcgBidPeriodTooShort Z01 ZFCG_BID_PERIOD_TOO_SHORT
     * @param zfcgContractTooLate Z02 ZFCG_CONTRACT_TOO_LATE
     * @param complaintAcceptLate P13 COMPLAINT_ACCEPT_LATE
     * @param complaintDecisionLate P14 COMPLAINT_DECISION_LATE
     */
    public record Severities(
            @NotNull @DefaultValue("RED") Severity bidPeriodTooShort,
            @NotNull @DefaultValue("YELLOW") Severity docSaleTooShort,
            @NotNull @DefaultValue("ORANGE") Severity clarificationTooLate,
            @NotNull @DefaultValue("ORANGE") Severity bidBondTooHigh,
            @NotNull @DefaultValue("RED") Severity tooFewBidders,
            @NotNull @DefaultValue("RED") Severity committeeInvalid,
            @NotNull @DefaultValue("ORANGE") Severity publicityTooLate,
            @NotNull @DefaultValue("ORANGE") Severity publicityTooShort,
            @NotNull @DefaultValue("ORANGE") Severity contractTooLate,
            @NotNull @DefaultValue("RED") Severity winnerNotABidder,
            @NotNull @DefaultValue("ORANGE") Severity winPriceMismatch,
            @NotNull @DefaultValue("YELLOW") Severity winnerNotFirstCandidate,
            @NotNull @DefaultValue("RED") Severity zfcgBidPeriodTooShort,
            @NotNull @DefaultValue("ORANGE") Severity zfcgContractTooLate,
            @NotNull @DefaultValue("ORANGE") Severity complaintAcceptLate,
            @NotNull @DefaultValue("ORANGE") Severity complaintDecisionLate) {}
}
