package org.ggzy.sgw.adapters;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Camel thread pool that starts every attempt, so that no caller's thread ever runs a route. HTTP requests do not
 * hold its threads while they wait (the Vert.x client is non-blocking); a Kafka send may, while it waits for the
 * cluster's metadata. A full queue answers {@code RETRY} ({@code busy}) instead of running on the caller's thread.
 *
 * @param threads the pool's threads
 * @param queueSize attempts that may wait for a thread
 */
@Validated
@ConfigurationProperties("sgw.adapters.dispatch")
public record DispatchProperties(
        @DefaultValue("4") @Min(1) int threads, @DefaultValue("10000") @Min(1) int queueSize) {}
