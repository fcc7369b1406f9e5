package org.ggzy.sgw.gateway.session;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The password policy (GB/T 22239-2019 level 3, 身份鉴别): length, complexity, and maximum age.
 *
 * @param minLength the fewest characters a password has
 * @param minClasses of the four classes upper case, lower case, digits and other characters, how many a password
 *     uses at least
 * @param maxAge how long a password may be used; after that a login still succeeds but its token only allows
 *     changing the password ({@code POST /api/v1/auth/password}); {@code 0} for no expiry
 */
@Validated
@ConfigurationProperties("sgw.security.password")
public record PasswordProperties(
        @Min(8) @Max(128) @DefaultValue("12") int minLength,
        @Min(1) @Max(4) @DefaultValue("3") int minClasses,
        @NotNull @DefaultValue("90d") Duration maxAge) {}
