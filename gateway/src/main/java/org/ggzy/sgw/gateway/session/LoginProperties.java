package org.ggzy.sgw.gateway.session;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling: failed logins are counted per account and per source address in a fixed window that starts at
 * the first failure; once a count reaches its limit, every login of that account (or from that address) is refused
 * with {@code 429 login-throttled} until the window ends, even with the right password. A success resets the
 * account's count (not the address's).
 *
 * @param maxAccountFailures failed logins of one account within the window before it is throttled
 * @param maxAddressFailures failed logins from one source address within the window before it is throttled
 * @param window how long failures are counted, and how long a throttled account or address waits
 */
@Validated
@ConfigurationProperties("sgw.security.login")
public record LoginProperties(
        @Min(1) @DefaultValue("5") int maxAccountFailures,
        @Min(1) @DefaultValue("20") int maxAddressFailures,
        @NotNull @DefaultValue("15m") Duration window) {}
