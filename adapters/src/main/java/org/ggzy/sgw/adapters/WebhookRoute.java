package org.ggzy.sgw.adapters;

import java.util.Optional;

/**
 * The warning webhook: each warning posted as JSON. A delivery that names a recipient ({@code attributes.recipient},
 * e.g. the person a chat bot notifies) counts against that recipient's cap; one that names none is not capped.
 */
class WebhookRoute extends HttpDestinationRoute {

    private final WebhookProperties properties;

    WebhookRoute(WebhookProperties properties) {
        super("webhook", properties);
        this.properties = properties;
    }

    @Override
    Optional<RateCapProperties> rateCap() {
        return Optional.of(properties.rateCap());
    }

    @Override
    String recipient(Delivery delivery) {
        String recipient = delivery.attributes().get("recipient");
        return recipient == null || recipient.isBlank() ? null : recipient;
    }
}
