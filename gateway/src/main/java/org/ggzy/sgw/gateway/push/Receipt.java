package org.ggzy.sgw.gateway.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.ggzy.sgw.gateway.lifecycle.LifecycleOutcome;

/**
 * What the gateway answers a push with, and stores. {@code signature} is Base64 of HMAC (the request's method,
 * the platform's secret) over {@code receiptId + "\n" + receivedAt + "\n" + digest}, the strings exactly as here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "receiptId",
    "platformCode",
    "dataset",
    "receivedAt",
    "accepted",
    "duplicates",
    "stale",
    "rejected",
    "records",
    "digest",
    "signatureMethod",
    "signature"
})
record Receipt(
        String receiptId,
        String platformCode,
        String dataset,
        String receivedAt,
        int accepted,
        int duplicates,
        int stale,
        int rejected,
        List<RecordOutcome> records,
        String digest,
        String signatureMethod,
        String signature) {

    /** The same receipt with the warnings each record raised (before it is signed: they are not signed). */
    Receipt withWarnings(java.util.function.IntFunction<List<LifecycleOutcome.WarningRef>> warnings) {
        List<RecordOutcome> outcomes = records.stream()
                .map(o -> o.withWarnings(warnings.apply(o.index())))
                .toList();
        return new Receipt(
                receiptId,
                platformCode,
                dataset,
                receivedAt,
                accepted,
                duplicates,
                stale,
                rejected,
                outcomes,
                digest,
                signatureMethod,
                signature);
    }

    /** Whether the push gets {@code 202}: something was accepted or already there. */
    boolean anyTaken() {
        return accepted + duplicates > 0;
    }
}
