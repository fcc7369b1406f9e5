package org.ggzy.sgw.gateway.regulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.junit.jupiter.api.Test;

class WindowTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void shouldCoverTheLastThirtyDaysWhenNoBoundIsGiven() {
        assertThat(Window.parse(null, null, clock)).isEqualTo(new Window(Instant.parse("2026-10-23T02:00:00Z"), NOW));
    }

    @Test
    void shouldReadDatesAsWholeDaysInChinaTime() {
        Window w = Window.parse("2026-11-01", "2026-11-30", clock);

        assertThat(w.from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(w.to()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
    }

    @Test
    void shouldReadTimesWithOffsetsEvenWhenThePlusArrivedAsASpace() {
        Window w = Window.parse("2026-11-01T08:00:00+08:00", "2026-11-02T00:00:00 08:00", clock);

        assertThat(w.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(w.to()).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
    }

    @Test
    void shouldStartThirtyDaysBeforeAGivenEnd() {
        assertThat(Window.parse("", "2026-01-31", clock).from()).isEqualTo(Instant.parse("2026-01-01T16:00:00Z"));
    }

    @Test
    void shouldRefuseABoundThatIsNotATime() {
        assertThatThrownBy(() -> Window.parse("yesterday", null, clock))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("from must be an ISO-8601 time");
    }

    @Test
    void shouldRefuseAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> Window.parse("2026-11-02", "2026-11-01", clock))
                .isInstanceOf(ProblemException.class)
                .hasMessage("from must be before to.");
    }
}
