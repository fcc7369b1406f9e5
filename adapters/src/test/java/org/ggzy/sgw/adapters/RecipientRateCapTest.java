package org.ggzy.sgw.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecipientRateCapTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final RecipientRateCap cap = new RecipientRateCap(new RateCapProperties(2, Duration.ofMinutes(1)), clock);

    @Test
    void shouldLetThroughUpToTheCapPerRecipientAndWindow() {
        assertThat(cap.tryAcquire("13900000001")).isTrue();
        assertThat(cap.tryAcquire("13900000001")).isTrue();
        assertThat(cap.tryAcquire("13900000001")).isFalse();
        assertThat(cap.tryAcquire("13900000002")).isTrue();

        clock.move(Duration.ofSeconds(59));
        assertThat(cap.tryAcquire("13900000001")).isFalse();
        clock.move(Duration.ofSeconds(1));
        assertThat(cap.tryAcquire("13900000001")).isTrue();
    }

    @Test
    void shouldNameTheCapButNotTheRecipient() {
        assertThat(cap.cause()).isEqualTo("rate cap: at most 2 per PT1M for one recipient");
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
