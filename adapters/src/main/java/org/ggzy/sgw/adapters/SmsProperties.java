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
 * The SMS gateway (短信网关): a text message per warning to its recipient ({@code attributes.recipient} of the
 * delivery, else {@code default-recipient}; with neither the delivery is refused).
 *
 * @param enabled whether the route exists
 * @param baseUrl where the SMS gateway is
 * @param path the path messages are posted to
 * @param connectTimeout how long to wait for a connection
 * @param responseTimeout how long to wait for the answer
 * @param defaultRecipient who gets the messages of deliveries that name no recipient (empty: nobody)
 * @param rateCap how many messages one recipient may get in a window
 * @param breaker the destination's circuit breaker
 */
@Validated
@ConfigurationProperties("sgw.adapters.sms")
public record SmsProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("http://localhost:9104") @NotNull URI baseUrl,
        @DefaultValue("/sms/v1/messages") @NotNull @Pattern(regexp = "/.*") String path,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration responseTimeout,
        @DefaultValue("") String defaultRecipient,
        @DefaultValue @Valid @NestedConfigurationProperty RateCapProperties rateCap,
        @DefaultValue @Valid @NestedConfigurationProperty BreakerProperties breaker)
        implements HttpSettings {}
