package org.ggzy.sgw.gateway.lifecycle;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.ggzy.sgw.schemas.Delay;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Timeliness rules (rules.md §2): T01 {@code PUSH_LATE}, T02 {@code STAGE_MISSING}, T03 {@code SEQUENCE_GAP} and
 * A01 {@code AV_ARCHIVE_MISSING}.
 *
 * @param lateYellowMax a late record whose lag is at most this is YELLOW (beyond: ORANGE)
 * @param lateOrangeMax a late record whose lag is at most this is ORANGE (beyond: RED)
 * @param sequenceGapDelay how long after a record whose prerequisite is unknown the prerequisite must have arrived
 * @param overdueUpgradeAfter how long after its due time a missing stage is upgraded from ORANGE to RED
 * @param expectationDelays overrides of the catalogue's delays by expected data set, e.g.
 *     {@code sgw.rules.timeliness.expectation-delays[gcjs.evaluation-report].days=10}
 */
@Validated
@ConfigurationProperties("sgw.rules.timeliness")
public record TimelinessProperties(
        @DefaultValue("72h") @NotNull Duration lateYellowMax,
        @DefaultValue("7d") @NotNull Duration lateOrangeMax,
        @DefaultValue("1h") @NotNull Duration sequenceGapDelay,
        @DefaultValue("7d") @NotNull Duration overdueUpgradeAfter,
        Map<String, Delay> expectationDelays) {

    public TimelinessProperties {
        expectationDelays = expectationDelays == null ? Map.of() : Map.copyOf(expectationDelays);
    }

    /** Defaults, for tests. */
    public static TimelinessProperties defaults() {
        return new TimelinessProperties(
                Duration.ofHours(72), Duration.ofDays(7), Duration.ofHours(1), Duration.ofDays(7), Map.of());
    }
}
