package org.ggzy.sgw.adapters;

import java.util.Map;

/**
 * One thing to deliver to one destination: an accepted record or a warning, already masked for that destination by
 * the gateway.
 *
 * @param id the delivery id; sent to the receiver as the idempotency key ({@code Idempotency-Key} header, or the
 *     Kafka record header of the same name), the same on every attempt
 * @param destination the destination's name, e.g. {@code provincial}, {@code credit}, {@code remote-evaluation},
 *     {@code sms}, {@code webhook}, {@code kafka}
 * @param kind {@code RECORD} or {@code WARNING}
 * @param dataset the record's data set (for a warning: the data set it concerns, may be {@code null})
 * @param tradeType {@code gcjs} or {@code zfcg}
 * @param partitionKey what keeps one transaction in order: its {@code UNIFIED_DEAL_CODE}, or the section code
 * @param payload the JSON to send (the record in the national field codes, or the warning)
 * @param attributes more about it: {@code platformCode}, {@code dataKey}, {@code regionCode}, {@code recipient}, ...
 */
public record Delivery(
        String id,
        String destination,
        String kind,
        String dataset,
        String tradeType,
        String partitionKey,
        String payload,
        Map<String, String> attributes) {

    public static final String RECORD = "RECORD";
    public static final String WARNING = "WARNING";

    public Delivery {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
