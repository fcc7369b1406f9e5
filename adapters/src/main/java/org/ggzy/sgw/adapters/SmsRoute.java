package org.ggzy.sgw.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.StringJoiner;
import org.apache.camel.Exchange;

/**
 * The SMS gateway: one text message per warning, {@code {"recipient", "text", "reference"}}, to the delivery's
 * {@code attributes.recipient} (else the configured default recipient), at most so many per recipient and window. The
 * text is {@code attributes.text} when the gateway wrote one, else made from the warning: {@code [severity] rule
 * section: message}.
 */
class SmsRoute extends HttpDestinationRoute {

    private static final int MAX_TEXT = 500;

    private final SmsProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    SmsRoute(SmsProperties properties) {
        super("sms", properties);
        this.properties = properties;
    }

    @Override
    void prepare(Exchange exchange) {
        super.prepare(exchange);
        Delivery delivery = delivery(exchange);
        String recipient = recipient(delivery);
        if (recipient == null) {
            throw new UndeliverableException("no recipient: the delivery names none and sms has no default recipient");
        }
        ObjectNode message = json.createObjectNode()
                .put("recipient", recipient)
                .put("text", text(delivery))
                .put("reference", delivery.id());
        exchange.getMessage().setBody(message.toString());
    }

    @Override
    Optional<RateCapProperties> rateCap() {
        return Optional.of(properties.rateCap());
    }

    @Override
    String recipient(Delivery delivery) {
        String recipient = delivery.attributes().get("recipient");
        if (recipient == null || recipient.isBlank()) {
            recipient = properties.defaultRecipient();
        }
        return recipient == null || recipient.isBlank() ? null : recipient.strip();
    }

    private String text(Delivery delivery) {
        String text = delivery.attributes().get("text");
        if (text == null || text.isBlank()) {
            text = fromWarning(delivery.payload());
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private String fromWarning(String payload) {
        JsonNode warning;
        try {
            warning = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new UndeliverableException("the payload is not JSON and the delivery has no text");
        }
        StringJoiner head = new StringJoiner(" ");
        String severity = warning.path("severity").asText("");
        if (!severity.isEmpty()) {
            head.add("[" + severity + "]");
        }
        for (String field : new String[] {"rule", "bidSectionCode"}) {
            String value = warning.path(field).asText("");
            if (!value.isEmpty()) {
                head.add(value);
            }
        }
        String message =
                warning.path("messageZh").asText(warning.path("message").asText(""));
        return message.isEmpty() ? head.toString() : head + ": " + message;
    }
}
