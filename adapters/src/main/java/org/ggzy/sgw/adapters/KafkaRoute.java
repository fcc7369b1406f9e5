package org.ggzy.sgw.adapters;

import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Kafka: each delivery to the topic {@code <topic-prefix><trade type>}, keyed by its partition key, with the
 * idempotency key, kind and data set as record headers. The producer is idempotent and waits for all in-sync
 * replicas; it connects on the first send, not when the route starts.
 */
class KafkaRoute extends DestinationRoute {

    private static final Pattern TRADE_TYPE = Pattern.compile("[a-z0-9_-]{1,32}");

    private final KafkaProperties properties;

    KafkaRoute(KafkaProperties properties) {
        super("kafka");
        this.properties = properties;
    }

    @Override
    public void configure() {
        long timeout = properties.timeout().toMillis();
        from(inbound())
                .routeId(routeId("send"))
                .routeConfigurationId(AdapterErrorHandling.ID)
                .removeHeaders("*")
                .process(this::prepare)
                .to("kafka:" + properties.topicPrefix() + "unrouted?brokers=" + properties.bootstrapServers()
                        + "&lazyStartProducer=true&enableIdempotence=true&requestRequiredAcks=all"
                        + "&requestTimeoutMs=" + timeout + "&deliveryTimeoutMs=" + timeout + "&maxBlockMs=" + timeout)
                .process(exchange -> exchange.getMessage().setBody(DeliveryResult.delivered(null)));
    }

    private void prepare(Exchange exchange) {
        Delivery delivery = delivery(exchange);
        if (delivery.tradeType() == null
                || !TRADE_TYPE.matcher(delivery.tradeType()).matches()) {
            throw new UndeliverableException("no topic: the trade type is missing or not a topic name");
        }
        deliveryHeaders(exchange.getMessage(), delivery);
        exchange.getMessage().setHeader(KafkaConstants.OVERRIDE_TOPIC, properties.topicPrefix() + delivery.tradeType());
        if (delivery.partitionKey() != null) {
            exchange.getMessage().setHeader(KafkaConstants.KEY, delivery.partitionKey());
        }
        exchange.getMessage().setBody(delivery.payload());
    }

    @Override
    BreakerProperties breaker() {
        return properties.breaker();
    }

    @Override
    Duration deadline() {
        // waiting for metadata, then for the acknowledgement
        return properties.timeout().multipliedBy(2).plusSeconds(1);
    }
}
