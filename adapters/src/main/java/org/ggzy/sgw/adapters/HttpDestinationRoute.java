package org.ggzy.sgw.adapters;

import java.time.Duration;
import org.apache.camel.Exchange;

/**
 * A destination that takes each delivery as a JSON POST: the delivery's payload as the body, with the idempotency
 * key, kind and data set headers. Subclasses may shape the body differently ({@link #prepare(Exchange)}).
 */
abstract class HttpDestinationRoute extends DestinationRoute {

    private final HttpSettings settings;

    HttpDestinationRoute(String destination, HttpSettings settings) {
        super(destination);
        this.settings = settings;
    }

    @Override
    public void configure() {
        from(inbound())
                .routeId(routeId("send"))
                .routeConfigurationId(AdapterErrorHandling.ID)
                .removeHeaders("*")
                .process(this::prepare)
                .to(settings.deliveryUri())
                .process(Outcomes::fromResponse);
    }

    /** Sets the request's headers and body. */
    void prepare(Exchange exchange) {
        Delivery delivery = delivery(exchange);
        deliveryHeaders(exchange.getMessage(), delivery);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(delivery.payload());
    }

    @Override
    final BreakerProperties breaker() {
        return settings.breaker();
    }

    @Override
    final Duration deadline() {
        return settings.deadline();
    }
}
