package org.ggzy.sgw.adapters;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The warning webhook: each warning posted as JSON. The rate cap counts per {@code attributes.recipient} of the
 * delivery; deliveries that name no recipient are not capped.
 *
 * @param enabled whether the route exists
 * @param baseUrl where the webhook receiver is
 * @param path the path warnings are posted to
 * @param connectTimeout how long to wait for a connection
 * @param responseTimeout how long to wait for the answer
 * @param rateCap how many warnings one recipient may get in a window
 * @param breaker the destination's circuit breaker
 */
@Validated
@ConfigurationProperties("sgw.adapters.webhook")
public record WebhookProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("http://localhost:9105") @NotNull URI baseUrl,
        @DefaultValue("/hooks/sgw/warnings") @NotNull @Pattern(regexp = "/.*") String path,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration responseTimeout,
        @DefaultValue @Valid @NestedConfigurationProperty RateCapProperties rateCap,
        @DefaultValue @Valid @NestedConfigurationProperty BreakerProperties breaker)
        implements HttpSettings {}
