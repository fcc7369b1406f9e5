package org.ggzy.sgw.adapters;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The credit database (信用信息库): outbound events (win results, contracts, complaint decisions, RED warnings against
 * a subject) and the lookup of a party's credit status.
 *
 * @param enabled whether the routes exist (without them the lookup always answers empty)
 * @param baseUrl where the credit database is
 * @param path the path events are posted to
 * @param lookupPath the path of the parties; a party is read at {@code <lookupPath>/<party code>}
 * @param connectTimeout how long to wait for a connection
 * @param responseTimeout how long to wait for the answer to an event
 * @param lookupTimeout how long to wait for the answer to a lookup
 * @param cacheTtl how long an answer of the lookup is kept, dishonest or not (failures are not kept)
 * @param cacheSize how many parties' answers are kept at most
 * @param breaker the settings of the events' breaker and, separately, of the lookup's breaker
 */
@Validated
@ConfigurationProperties("sgw.adapters.credit")
public record CreditProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("http://localhost:9102") @NotNull URI baseUrl,
        @DefaultValue("/credit/v1/events") @NotNull @Pattern(regexp = "/.*") String path,
        @DefaultValue("/credit/v1/parties") @NotNull @Pattern(regexp = "/.*") String lookupPath,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration responseTimeout,
        @DefaultValue("3s") @NotNull Duration lookupTimeout,
        @DefaultValue("10m") @NotNull Duration cacheTtl,
        @DefaultValue("10000") @Min(1) long cacheSize,
        @DefaultValue @Valid @NestedConfigurationProperty BreakerProperties breaker)
        implements HttpSettings {

    /** The GET of a party (its code goes in the path). */
    String lookupUri() {
        return endpointUri(lookupPath, "GET", lookupTimeout);
    }

    /** The longest one lookup may take. */
    Duration lookupDeadline() {
        return connectTimeout.plus(lookupTimeout).plusSeconds(1);
    }
}
