package org.ggzy.sgw.adapters;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The error handling every adapter route uses: no redelivery (one call of the port is one attempt; the gateway's
 * outbox counts attempts and schedules the next), and any failure becomes the attempt's outcome instead of an
 * exception.
 */
class AdapterErrorHandling extends RouteConfigurationBuilder {

    /** The id adapter routes refer to. */
    static final String ID = "adapter.errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .handled(true)
                .maximumRedeliveries(0)
                .process(Outcomes::fromFailure);
    }
}
