package org.ggzy.sgw.gateway.push;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the push API.
 *
 * @param maxRecords records one request may carry (array or NDJSON)
 * @param maxDepth JSON nesting depth
 * @param maxStringLength characters in one JSON string
 * @param futureTolerance how far ahead of the receive time a {@code DATA_TIMESTAMP} may be
 *     ({@code DATA_TIMESTAMP_IN_FUTURE} beyond it)
 * @param storeRetries how often a push transaction that failed for a transient reason (deadlock, serialization) is
 *     retried before the platform gets a {@code 503}
 */
@Validated
@ConfigurationProperties("sgw.push")
public record PushProperties(
        @Min(1) @Max(100_000) @DefaultValue("1000") int maxRecords,
        @Min(2) @Max(256) @DefaultValue("32") int maxDepth,
        @Min(1) @DefaultValue("1000000") int maxStringLength,
        @NotNull @DefaultValue("10m") Duration futureTolerance,
        @Min(0) @Max(10) @DefaultValue("3") int storeRetries) {}
