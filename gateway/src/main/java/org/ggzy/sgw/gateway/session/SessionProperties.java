package org.ggzy.sgw.gateway.session;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sessions.
 *
 * @param versionCacheTtl how long a node trusts the token version it read for a user before reading it again; a
 *     change made on any node also clears it on every node at once (Redis pub/sub), so this bounds the delay only
 *     when that message is lost
 */
@Validated
@ConfigurationProperties("sgw.security.session")
public record SessionProperties(@NotNull @DefaultValue("1s") Duration versionCacheTtl) {}
