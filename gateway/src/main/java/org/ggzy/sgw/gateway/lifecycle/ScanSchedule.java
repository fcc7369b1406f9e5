package org.ggzy.sgw.gateway.lifecycle;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the deadline scanner every {@code sgw.scanner.interval} on every node (they share the work through row locks).
 * A failed scan is logged and the next one runs on time.
 */
@Component
class ScanSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScanSchedule.class);

    private final DeadlineScanner scanner;
    private final ScannerProperties properties;
    private volatile Disposable running;

    ScanSchedule(DeadlineScanner scanner, ScannerProperties properties) {
        this.scanner = scanner;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = Flux.interval(properties.interval(), properties.interval())
                .onBackpressureDrop()
                .concatMap(
                        tick -> scanner.scan()
                                .doOnNext(r -> {
                                    if (r.raised() + r.upgraded() + r.escalated() > 0) {
                                        log.atInfo()
                                                .addKeyValue("raised", r.raised())
                                                .addKeyValue("upgraded", r.upgraded())
                                                .addKeyValue("escalated", r.escalated())
                                                .log("deadline scan");
                                    }
                                })
                                .onErrorResume(e -> {
                                    log.warn("deadline scan failed", e);
                                    return Mono.empty();
                                }),
                        0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }

    Duration interval() {
        return properties.interval();
    }
}
