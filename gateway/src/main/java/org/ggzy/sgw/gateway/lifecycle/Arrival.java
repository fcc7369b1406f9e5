package org.ggzy.sgw.gateway.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import org.ggzy.sgw.schemas.Dataset;

/**
 * A record version just accepted in this transaction.
 *
 * @param index its position in the push
 * @param recordId the stored version's id
 * @param dataset its data set
 * @param dataKey its {@code DATA_KEY}
 * @param node the record
 * @param lag its lag against the push SLA, or {@code null} when its event time is unknown
 */
public record Arrival(int index, String recordId, Dataset dataset, String dataKey, JsonNode node, Lag lag) {

    String datasetId() {
        return dataset.id().value();
    }
}
