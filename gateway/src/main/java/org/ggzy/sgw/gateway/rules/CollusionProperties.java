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
 * Thresholds and severities of the collusion red flags (围标串标, rules.md §4, R01 to R04). They are hints for a
 * regulator to look closer, not findings of fact.
 *
 * @param arithmeticTolerancePercent R04: how far two neighbouring gaps of the sorted bid prices may differ and still
 *     count as equal, in percent of the price between them
 * @param arithmeticMinBidders R04: least bidders whose sorted prices must be evenly spaced
 * @param severity the severity of each red flag's warnings
 */
@Validated
@ConfigurationProperties("sgw.rules.collusion")
public record CollusionProperties(
        @NotNull @DecimalMin("0") @DefaultValue("0.01") BigDecimal arithmeticTolerancePercent,
        @Min(3) @DefaultValue("3") int arithmeticMinBidders,
        @Valid @NotNull @DefaultValue Severities severity) {

    /**
     * The severity of each red flag.
     *
     * @param sharedDeviceFingerprint R01 SHARED_DEVICE_FINGERPRINT
     * @param identicalBidPrices R02 IDENTICAL_BID_PRICES
     * @param sharedProjectManager R03 SHARED_PROJECT_MANAGER
     * @param arithmeticBidPrices R04 ARITHMETIC_BID_PRICES
     */
    public record Severities(
            @NotNull @DefaultValue("RED") Severity sharedDeviceFingerprint,
            @NotNull @DefaultValue("ORANGE") Severity identicalBidPrices,
            @NotNull @DefaultValue("RED") Severity sharedProjectManager,
            @NotNull @DefaultValue("ORANGE") Severity arithmeticBidPrices) {}
}
