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
 * The remote-evaluation system (远程异地评标): section, bid-opening and expert data of the sections it evaluates.
 *
 * @param enabled whether the route exists (deliveries to a destination without a route are refused)
 * @param baseUrl where the system is (scheme, host, port, and a path prefix if it has one)
 * @param path the path deliveries are posted to
 * @param connectTimeout how long to wait for a connection
 * @param responseTimeout how long to wait for the answer once the request is sent
 * @param breaker the destination's circuit breaker
 */
@Validated
@ConfigurationProperties("sgw.adapters.remote-evaluation")
public record RemoteEvaluationProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("http://localhost:9103") @NotNull URI baseUrl,
        @DefaultValue("/remote-evaluation/v1/records") @NotNull @Pattern(regexp = "/.*") String path,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration responseTimeout,
        @DefaultValue @Valid @NestedConfigurationProperty BreakerProperties breaker)
        implements HttpSettings {}
