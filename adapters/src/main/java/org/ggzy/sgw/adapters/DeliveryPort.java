package org.ggzy.sgw.adapters;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * How the gateway hands a delivery to its destination's Camel route. One attempt per call, without retries of its
 * own (the gateway's outbox schedules retries and keeps the dead-letter queue); never blocks the caller's thread.
 */
public interface DeliveryPort {

    /** Sends one delivery; the future completes with the outcome (never exceptionally). */
    CompletableFuture<DeliveryResult> send(Delivery delivery);

    /** The destinations that have a route (and are enabled). */
    Set<String> destinations();
}
