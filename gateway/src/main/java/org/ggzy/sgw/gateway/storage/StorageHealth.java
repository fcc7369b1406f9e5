package org.ggzy.sgw.gateway.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Readiness of the database as pushes need it ({@code storage} in the readiness group): DOWN while a probe that takes
 * the same table lock a push takes ({@code record_heads}) does not answer within {@code sgw.storage.probe-timeout}, and
 * for {@code sgw.storage.failure-window} after a push failed for a storage reason unless a push has committed since.
 * It comes back by itself when the database answers again.
 */
@Component("storage")
public class StorageHealth extends AbstractReactiveHealthIndicator {

    private final DatabaseClient db;
    private final StorageProperties properties;
    private final Clock clock;
    private final AtomicReference<Instant> lastFailure = new AtomicReference<>();
    private final AtomicReference<String> lastCause = new AtomicReference<>();

    StorageHealth(DatabaseClient db, StorageProperties properties, Clock clock) {
        super("storage check failed");
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /** A push failed because the database did not answer in time or refused (lock, timeout, connection, I/O). */
    public void failed(Throwable cause) {
        lastFailure.set(clock.instant());
        lastCause.set(cause.getClass().getSimpleName());
    }

    /** A push committed: the database works again. */
    public void committed() {
        if (lastFailure.get() != null) {
            lastFailure.set(null);
        }
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        Instant failure = lastFailure.get();
        if (failure != null && failure.plus(properties.failureWindow()).isAfter(clock.instant())) {
            return Mono.just(builder.down()
                    .withDetail("reason", "a push failed for a storage reason at " + failure)
                    .withDetail("cause", String.valueOf(lastCause.get()))
                    .build());
        }
        return db.sql("SELECT 1 FROM record_heads WHERE 1 = 0")
                .fetch()
                .all()
                .then(Mono.fromSupplier(() -> builder.up().build()))
                .timeout(properties.probeTimeout())
                .onErrorResume(e -> Mono.just(builder.down()
                        .withDetail(
                                "reason",
                                "the database did not answer the probe within "
                                        + properties.probeTimeout().toMillis() + " ms")
                        .withDetail("cause", e.getClass().getSimpleName())
                        .build()));
    }
}
