package org.ggzy.sgw.gateway.warning;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fans warning changes out to every node's server-sent event streams, after they are committed. Redis pub/sub when
 * {@code sgw.redis.enabled}, in process otherwise. A change published on one node reaches every node once, the
 * publishing node included. Losing a message loses nothing: the change is in {@code warning_events}, and a client
 * resuming with {@code Last-Event-ID} reads it from there.
 */
public interface WarningBus {

    /** Publishes changes that are committed; never fails the caller (a failure is logged and counted). */
    Mono<Void> publish(List<WarningChange> changes);

    /** Every change published on any node from now on. */
    Flux<Published> changes();

    /** A change as it travels: its event sequence number and the warning. */
    record Published(long seq, String warningId) {

        String encode() {
            return seq + ":" + warningId;
        }

        static Published decode(String message) {
            int colon = message.indexOf(':');
            return new Published(Long.parseLong(message.substring(0, colon)), message.substring(colon + 1));
        }
    }
}
