package org.ggzy.sgw.gateway.platform;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Platform registry settings.
 *
 * @param cacheTtl how long a node keeps a platform's credentials in memory (other nodes see a change after at most
 *     this long; the node that made it sees it at once)
 * @param secretOverlap how long the previous secret stays valid after a rotation
 */
@Validated
@ConfigurationProperties("sgw.platform")
public record PlatformProperties(
        @NotNull @DefaultValue("30s") Duration cacheTtl, @NotNull @DefaultValue("24h") Duration secretOverlap) {}
