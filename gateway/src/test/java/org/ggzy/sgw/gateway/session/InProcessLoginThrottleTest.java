package org.ggzy.sgw.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.ggzy.sgw.gateway.support.MutableClock;
import org.junit.jupiter.api.Test;

class InProcessLoginThrottleTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));
    final InProcessLoginThrottle throttle =
            new InProcessLoginThrottle(new LoginProperties(5, 20, Duration.ofMinutes(15)), clock);

    @Test
    void shouldThrottleAnAccountAfterItsFailuresUntilTheWindowEnds() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("fz.reg", "10.0.0.1").block();
        }
        assertThat(throttle.retryAfter("fz.reg", "10.0.0.1").block()).isZero();
        throttle.failed("fz.reg", "10.0.0.1").block();
        clock.set(clock.instant().plus(Duration.ofMinutes(5)));

        assertThat(throttle.retryAfter("fz.reg", "10.0.0.2").block()).isEqualTo(Duration.ofMinutes(10));
        assertThat(throttle.retryAfter("xm.reg", "10.0.0.1").block()).isZero();
        clock.set(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(throttle.retryAfter("fz.reg", "10.0.0.1").block()).isZero();
    }

    @Test
    void shouldThrottleAnAddressAfterFailuresOfManyAccounts() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "10.0.0.9").block();
        }
        assertThat(throttle.retryAfter("someone-else", "10.0.0.9").block()).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.retryAfter("someone-else", "10.0.0.8").block()).isZero();
    }

    @Test
    void shouldForgetAnAccountsFailuresAfterASuccess() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("fz.reg", "10.0.0.1").block();
        }
        throttle.succeeded("fz.reg").block();
        throttle.failed("fz.reg", "10.0.0.1").block();
        assertThat(throttle.retryAfter("fz.reg", "10.0.0.3").block()).isZero();
    }
}
