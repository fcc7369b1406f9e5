package org.ggzy.sgw.adapters;

import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Camel route of one destination: it takes one {@link Delivery} (the exchange property {@link #DELIVERY}) on
 * {@code direct:adapter.<destination>}, makes one attempt and leaves its {@link DeliveryResult} as the message body.
 * Its route ids are {@code adapter.<destination>.<step>}; its error handling is {@link AdapterErrorHandling}.
 */
abstract class DestinationRoute extends RouteBuilder {

    /** The exchange property holding the delivery. */
    static final String DELIVERY = "sgw.delivery";

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String KIND = "X-Sgw-Kind";
    static final String DATASET = "X-Sgw-Dataset";

    private final String destination;

    DestinationRoute(String destination) {
        this.destination = destination;
    }

    /** The destination's name, as deliveries name it. */
    final String destination() {
        return destination;
    }

    /** The endpoint the port sends deliveries to. */
    final String inbound() {
        return "direct:adapter." + destination;
    }

    final String routeId(String step) {
        return "adapter." + destination + "." + step;
    }

    /** The settings of the destination's circuit breaker. */
    abstract BreakerProperties breaker();

    /** The longest one attempt may take; after that it is a timeout. */
    abstract Duration deadline();

    /** The per-recipient cap of a notification destination. */
    Optional<RateCapProperties> rateCap() {
        return Optional.empty();
    }

    /** Whom the rate cap counts this delivery against ({@code null}: nobody). */
    String recipient(Delivery delivery) {
        return null;
    }

    static Delivery delivery(Exchange exchange) {
        return exchange.getProperty(DELIVERY, Delivery.class);
    }

    /** The headers every destination gets: the idempotency key, the kind and the data set. */
    static void deliveryHeaders(Message message, Delivery delivery) {
        message.setHeader(IDEMPOTENCY_KEY, delivery.id());
        message.setHeader(KIND, delivery.kind());
        if (delivery.dataset() != null) {
            message.setHeader(DATASET, delivery.dataset());
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + inbound() + "]";
    }
}
