package org.ggzy.sgw.gateway.warning;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The warning bus of a single node (the embedded default). */
final class InProcessWarningBus implements WarningBus {

    private final Sinks.Many<Published> sink = Sinks.many().multicast().directBestEffort();

    @Override
    public Mono<Void> publish(List<WarningChange> changes) {
        return Mono.fromRunnable(() -> changes.stream()
                .filter(WarningChange::notifies)
                .forEach(c -> sink.emitNext(
                        new Published(c.seq(), c.warningId()),
                        Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(100)))));
    }

    @Override
    public Flux<Published> changes() {
        return sink.asFlux();
    }
}
