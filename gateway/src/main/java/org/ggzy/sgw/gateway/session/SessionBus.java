package org.ggzy.sgw.gateway.session;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells every node that a user's tokens changed (their token version was raised), so that each drops what it cached
 * for that user. Redis pub/sub when {@code sgw.redis.enabled}, in process otherwise. A lost message delays a
 * revocation by at most {@code sgw.security.session.version-cache-ttl}.
 */
interface SessionBus {

    /** Publishes that the user's tokens changed; never fails the caller (a failure is logged). */
    Mono<Void> publish(String username);

    /** The users whose tokens changed, as published on any node from now on. */
    Flux<String> changes();
}
