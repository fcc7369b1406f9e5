package org.ggzy.sgw.gateway.storage;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the gateway waits for its database before it gives a clear answer instead of a hang.
 *
 * @param lockTimeout longest wait for a row or table lock, per statement (PostgreSQL {@code lock_timeout}; H2
 *     {@code LOCK_TIMEOUT})
 * @param statementTimeout longest run of one statement (PostgreSQL {@code statement_timeout})
 * @param pushDeadline longest a push may take from validation to commit; after it the push is rolled back and answered
 *     {@code 503 storage-unavailable} with {@code Retry-After}
 * @param probeTimeout longest the readiness probe waits for the database
 * @param failureWindow readiness stays DOWN this long after a push failed for a storage reason, unless a push
 *     commits in the meantime
 */
@Validated
@ConfigurationProperties("sgw.storage")
public record StorageProperties(
        @NotNull @DefaultValue("5s") Duration lockTimeout,
        @NotNull @DefaultValue("15s") Duration statementTimeout,
        @NotNull @DefaultValue("20s") Duration pushDeadline,
        @NotNull @DefaultValue("2s") Duration probeTimeout,
        @NotNull @DefaultValue("10s") Duration failureWindow) {}
