package org.ggzy.sgw.adapters;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker of one destination (a count-based sliding window of attempts). While it is open, attempts are
 * not made: they come back at once as {@code RETRY} with the cause {@code circuit open}.
 *
 * @param failureRateThreshold the percentage of failed attempts in the window that opens the breaker
 * @param slidingWindow how many of the latest attempts the failure rate is computed over
 * @param minimumCalls how many attempts the window needs before the failure rate counts
 * @param waitInOpenState how long the breaker stays open before it lets trial attempts through
 * @param halfOpenCalls how many trial attempts decide whether it closes again
 */
public record BreakerProperties(
        @DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
        @DefaultValue("20") @Min(1) int slidingWindow,
        @DefaultValue("10") @Min(1) int minimumCalls,
        @DefaultValue("30s") @NotNull Duration waitInOpenState,
        @DefaultValue("2") @Min(1) int halfOpenCalls) {

    /** A breaker with these settings, for which an attempt failed when {@code failed} holds for its outcome. */
    CircuitBreaker circuitBreaker(String name, Predicate<Object> failed) {
        return CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(slidingWindow)
                        .minimumNumberOfCalls(minimumCalls)
                        .failureRateThreshold(failureRateThreshold)
                        .waitDurationInOpenState(waitInOpenState)
                        .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                        .recordResult(failed)
                        .writableStackTraceEnabled(false)
                        .build());
    }
}
