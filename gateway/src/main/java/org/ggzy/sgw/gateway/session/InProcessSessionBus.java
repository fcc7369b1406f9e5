package org.ggzy.sgw.gateway.session;

import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The session bus of a single node (the embedded default). */
final class InProcessSessionBus implements SessionBus {

    private final Sinks.Many<String> sink = Sinks.many().multicast().directBestEffort();

    @Override
    public Mono<Void> publish(String username) {
        return Mono.fromRunnable(
                () -> sink.emitNext(username, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100))));
    }

    @Override
    public Flux<String> changes() {
        return sink.asFlux();
    }
}
