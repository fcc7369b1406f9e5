package org.ggzy.sgw.gateway.support;

import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the gateway's clock with a {@link MutableClock} (import it in tests that replay lifecycles). */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.now());
    }

    @Bean
    Clock clock(MutableClock clock) {
        return clock;
    }
}
