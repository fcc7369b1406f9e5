package org.ggzy.sgw.gateway.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The deadline of a push and what its storage failures mean: after {@code sgw.storage.push-deadline} the push is
 * cancelled (its transaction rolls back) and answered {@code 503 storage-unavailable}; so is every failure of the
 * database itself (see {@link StorageErrors}), and each one turns readiness DOWN for a while ({@link StorageHealth}).
 */
@Component
public class StorageGuard {

    private static final Logger log = LoggerFactory.getLogger(StorageGuard.class);

    private final StorageProperties properties;
    private final StorageHealth health;

    StorageGuard(StorageProperties properties, StorageHealth health) {
        this.properties = properties;
        this.health = health;
    }

    public <T> Mono<T> push(Mono<T> work) {
        return work.timeout(properties.pushDeadline())
                .doOnSuccess(v -> health.committed())
                .onErrorMap(StorageErrors::unavailable, e -> {
                    health.failed(e);
                    log.atWarn().log("push not stored, the database failed: {}", e.toString());
                    return StorageErrors.problem();
                });
    }
}
