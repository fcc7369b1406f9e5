package org.ggzy.sgw.gateway.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.ggzy.sgw.adapters.DeliveryPort;
import org.ggzy.sgw.adapters.DeliveryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The outbox relay of this node: claims due deliveries with a lease ({@code FOR UPDATE SKIP LOCKED}, so every node
 * can run one), hands each to its adapter route without blocking, and records the outcome: delivered; failed and due
 * again after an exponential backoff with jitter; or dead after the last attempt, or at once when the destination
 * refused it (the dead-letter queue, with the cause). A node that dies mid-delivery leaves leases that expire.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final ObjectProvider<DeliveryPort> port;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final Sinks.Many<Boolean> wake = Sinks.many().multicast().directBestEffort();
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final MeterRegistry meters;
    private volatile Disposable running;

    OutboxRelay(
            OutboxRepository repository,
            ObjectProvider<DeliveryPort> port,
            TransactionalOperator tx,
            Clock clock,
            RelaySettings settings) {
        this.repository = repository;
        this.port = port;
        this.tx = tx;
        this.clock = clock;
        this.properties = settings.properties();
        this.meters = settings.meters();
    }

    /** Asks the relay to look for due deliveries now (after a commit that wrote some). */
    public void wake() {
        wake.tryEmitNext(Boolean.TRUE);
    }

    /** Delivers what is due until nothing is left; emits how many deliveries were attempted. */
    public Mono<Integer> drain() {
        DeliveryPort destinations = port.getIfAvailable();
        if (destinations == null) {
            return Mono.just(0);
        }
        return batch(destinations)
                .expand(n -> n < properties.batchSize() ? Mono.empty() : batch(destinations))
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> batch(DeliveryPort destinations) {
        Instant now = clock.instant();
        Mono<List<OutboxRepository.Claimed>> claim = repository.claim(
                now, now.plus(properties.lease()), node, properties.batchSize(), destinations.destinations());
        if (repository.claimNeedsTransaction()) {
            claim = claim.as(tx::transactional);
        }
        // the deliveries that succeeded are recorded together, once the batch is through (their lease covers the
        // wait); failures are recorded one by one, as they come
        return claim.flatMap(claimed -> Flux.fromIterable(claimed)
                .flatMap(c -> attempt(destinations, c), properties.concurrency())
                .collectList()
                .flatMap(delivered -> repository.delivered(delivered, clock.instant()))
                .thenReturn(claimed.size()));
    }

    /** One delivery attempt: emits the delivery if it succeeded, records any other outcome and completes empty. */
    private Mono<OutboxRepository.Delivered> attempt(DeliveryPort destinations, OutboxRepository.Claimed c) {
        return Mono.fromFuture(() -> destinations.send(c.delivery()))
                .timeout(properties.lease().dividedBy(2))
                .onErrorResume(e -> Mono.just(DeliveryResult.retry(e.toString(), null)))
                .flatMap(result -> record(c, result));
    }

    private Mono<OutboxRepository.Delivered> record(OutboxRepository.Claimed c, DeliveryResult result) {
        Instant now = clock.instant();
        String destination = c.delivery().destination();
        meters.counter(
                        "sgw_deliveries_total",
                        "destination",
                        destination,
                        "outcome",
                        result.status().name())
                .increment();
        return switch (result.status()) {
            case DELIVERED ->
                Mono.just(new OutboxRepository.Delivered(c.delivery().id(), result.httpStatus()));
            case REFUSED ->
                repository
                        .failed(c.delivery().id(), null, "refused: " + result.cause(), result.httpStatus(), now)
                        .then(Mono.empty());
            case RETRY -> {
                int attempts = c.attempts() + 1;
                Instant next = attempts >= properties.maxAttempts() ? null : now.plus(backoff(attempts));
                if (next == null) {
                    log.atWarn()
                            .addKeyValue("deliveryId", c.delivery().id())
                            .addKeyValue("destination", destination)
                            .log("delivery dead after {} attempts: {}", attempts, result.cause());
                }
                yield repository
                        .failed(c.delivery().id(), next, result.cause(), result.httpStatus(), now)
                        .then(Mono.empty());
            }
        };
    }

    /** The wait after the n-th failed attempt: base × 2^(n-1), at most the maximum, with ±20 % jitter. */
    Duration backoff(int attempts) {
        long base = properties.backoffBase().toMillis();
        long max = properties.backoffMax().toMillis();
        long wait = Math.min(max, base << Math.min(attempts - 1, 30));
        long jitter = (long) (wait * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Duration.ofMillis(Math.max(0, Math.min(max, wait + jitter)));
    }

    @Override
    public void start() {
        DeliveryPort destinations = port.getIfAvailable();
        properties.routes().stream()
                .map(DeliveryProperties.Route::destination)
                .distinct()
                .filter(d ->
                        destinations == null || !destinations.destinations().contains(d))
                .forEach(d -> log.atError()
                        .addKeyValue("destination", d)
                        .log(
                                "sgw.delivery.routes names destination '{}', which has no enabled adapter "
                                        + "(sgw.adapters.{}.enabled=true): its deliveries will be refused and go dead",
                                d,
                                d));
        // a tick drains at once; a wake-up after a commit first waits wakeDelay, while further wake-ups are dropped
        running = Flux.merge(Flux.interval(properties.relayInterval()).map(t -> Boolean.FALSE), wake.asFlux())
                .onBackpressureDrop()
                .concatMap(
                        woken -> (woken ? Mono.delay(properties.wakeDelay()).then(drain()) : drain())
                                .onErrorResume(e -> {
                                    log.warn("outbox relay failed; next round on schedule", e);
                                    return Mono.just(0);
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

    /** The relay's settings. */
    @Component
    record RelaySettings(DeliveryProperties properties, MeterRegistry meters) {}
}
