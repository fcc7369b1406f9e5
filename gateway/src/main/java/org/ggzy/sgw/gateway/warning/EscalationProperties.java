package org.ggzy.sgw.gateway.warning;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Escalation of unhandled warnings (rules.md §6).
 *
 * @param acknowledgeWorkingDays a warning not acknowledged within this many working days is marked overdue and
 *     escalated one level, to the regulators of the parent region
 * @param resolveWorkingDays a warning not resolved within this many working days is escalated one more level
 */
@Validated
@ConfigurationProperties("sgw.warnings.escalation")
public record EscalationProperties(
        @DefaultValue("10") @Positive int acknowledgeWorkingDays,
        @DefaultValue("15") @Positive int resolveWorkingDays) {}
