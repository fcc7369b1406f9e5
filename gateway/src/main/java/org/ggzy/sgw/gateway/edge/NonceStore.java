package org.ggzy.sgw.gateway.edge;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Remembers the nonces platforms have used, so a captured request cannot be replayed. */
public interface NonceStore {

    /**
     * Records the nonce for the platform unless it was used within {@code ttl}. Emits {@code true} when the nonce is
     * fresh, {@code false} when it is a replay, and an error when the store cannot tell (the caller must then refuse
     * the request: replay protection fails closed).
     */
    Mono<Boolean> claim(String platformCode, String nonce, Duration ttl);
}
