package org.ggzy.sgw.gateway.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code sgw_push_records_total{platform,dataset,status}} and the latency histogram
 * {@code sgw_push_duration_seconds{dataset,outcome}} of the push path (edge excluded).
 */
@Component
class PushMetrics {

    private final MeterRegistry registry;

    PushMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String platform, String dataset, Receipt receipt) {
        increment(platform, dataset, "ACCEPTED", receipt.accepted());
        increment(platform, dataset, "DUPLICATE", receipt.duplicates());
        increment(platform, dataset, "STALE", receipt.stale());
        increment(platform, dataset, "REJECTED", receipt.rejected());
    }

    private void increment(String platform, String dataset, String status, int n) {
        if (n > 0) {
            Counter.builder("sgw.push.records")
                    .description("Pushed records by platform, data set and outcome")
                    .tag("platform", platform)
                    .tag("dataset", dataset)
                    .tag("status", status)
                    .register(registry)
                    .increment(n);
        }
    }

    void time(String dataset, String outcome, Duration duration) {
        Timer.builder("sgw.push.duration")
                .description("Time from the push handler receiving a request to its answer")
                .tag("dataset", dataset)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(duration);
    }
}
