package org.ggzy.sgw.gateway.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Parsed payloads of stored record versions, by record id, least recently used first out. A stored version never
 * changes, so an entry never goes stale: this saves reading and parsing a section's records again on every push that
 * touches the section (a tender has about 26 by its contract). Bounded by {@code sgw.lifecycle.parsed-records} entries; the
 * nodes are shared read-only with the rules, which never modify a record.
 */
@Component
class RecordNodes {

    private final int capacity;
    private final Map<String, JsonNode> nodes;
    private long hits;
    private long misses;

    RecordNodes(@Value("${sgw.lifecycle.parsed-records:20000}") int capacity) {
        this.capacity = capacity;
        this.nodes = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
                return size() > RecordNodes.this.capacity;
            }
        };
    }

    /** The parsed payload of the record version if it is held (counted as a hit), else {@code null}. */
    JsonNode peek(String recordId) {
        synchronized (nodes) {
            JsonNode node = nodes.get(recordId);
            if (node != null) {
                hits++;
            }
            return node;
        }
    }

    /** The parsed payload of the record version, parsed now (and kept) if it is not held. */
    JsonNode get(String recordId, Supplier<JsonNode> parse) {
        synchronized (nodes) {
            JsonNode node = nodes.get(recordId);
            if (node != null) {
                hits++;
                return node;
            }
            misses++;
        }
        JsonNode parsed = parse.get();
        if (capacity > 0) {
            synchronized (nodes) {
                nodes.put(recordId, parsed);
            }
        }
        return parsed;
    }

    /** Entries held, reads answered from them, reads that parsed. */
    long[] stats() {
        synchronized (nodes) {
            return new long[] {nodes.size(), hits, misses};
        }
    }
}
