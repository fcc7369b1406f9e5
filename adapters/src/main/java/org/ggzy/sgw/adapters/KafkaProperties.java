package org.ggzy.sgw.adapters;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka: every accepted record to the topic of its trade type ({@code <topic-prefix><trade type>}), keyed by its
 * partition key ({@code UNIFIED_DEAL_CODE}, else the section code) so that one transaction stays in order, with the
 * delivery id in the record header {@code Idempotency-Key}.
 *
 * @param enabled whether the route exists
 * @param bootstrapServers the brokers, {@code host:port} separated by commas
 * @param topicPrefix what precedes the trade type in the topic's name
 * @param timeout how long one send may take, waiting for the cluster's metadata included
 * @param breaker the destination's circuit breaker
 */
@Validated
@ConfigurationProperties("sgw.adapters.kafka")
public record KafkaProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("localhost:9092") @NotBlank String bootstrapServers,
        @DefaultValue("sgw.records.") @NotBlank String topicPrefix,
        @DefaultValue("10s") @NotNull Duration timeout,
        @DefaultValue @Valid @NestedConfigurationProperty BreakerProperties breaker) {}
