package org.ggzy.sgw.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Whether the gateway uses Redis (connection settings are Spring's {@code spring.data.redis.*}).
 *
 * @param enabled use Redis for nonces and rate limits (required for more than one node); off on the embedded default
 * @param commandTimeout how long the edge waits for Redis before treating it as down
 */
@Validated
@ConfigurationProperties("sgw.redis")
public record RedisProperties(
        @DefaultValue("false") boolean enabled, @NotNull @DefaultValue("500ms") Duration commandTimeout) {}
