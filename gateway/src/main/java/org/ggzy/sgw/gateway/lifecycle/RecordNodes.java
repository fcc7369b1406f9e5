package org.ggzy.sgw.gateway.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Parsed payloads of stored record versions, by record id, the least used evicted first. A stored version never
 * changes, so an entry never goes stale: this saves reading and parsing a section's records again on every push that
 * touches the section (a tender has about 26 by its contract). Bounded by memory, not by count (records range from a
 * few hundred bytes to megabytes): each entry weighs an estimate of its parsed size, all of them together at most
 * {@code sgw.lifecycle.parsed-records-heap-share} of the heap (a tenth by default), and a payload larger than a
 * quarter of that is not kept at all. The rules read codes, dates, amounts and whether a text is there, never a long
 * text itself: strings longer than {@link #MAX_TEXT} characters are cut to that length in the parsed copy, so that a
 * section of records with megabyte-long texts does not take megabytes a record on every push that reads it. The nodes
 * are shared read-only with the rules, which never modify a record.
 */
@Component
class RecordNodes {

    /** Bytes a parsed payload holds per character of its JSON text (strings, node objects, maps), estimated high. */
    static final int BYTES_PER_CHAR = 4;

    /** Characters of a string kept in the parsed copy the rules read. */
    static final int MAX_TEXT = 4096;

    private final Cache<String, Parsed> nodes;
    private final long capacity;

    RecordNodes(@Value("${sgw.lifecycle.parsed-records-heap-share:0.1}") double share) {
        if (share < 0 || share > 0.5) {
            throw new IllegalArgumentException("sgw.lifecycle.parsed-records-heap-share must be 0 to 0.5");
        }
        this.capacity = (long) (Runtime.getRuntime().maxMemory() * share);
        this.nodes = Caffeine.newBuilder()
                .maximumWeight(capacity)
                // evicted on the writing thread, at once: the bound holds at every moment
                .executor(Runnable::run)
                .<String, Parsed>weigher((id, parsed) -> parsed.weight())
                .recordStats()
                .build();
    }

    /** The parsed payload of the record version if it is held, else {@code null}. */
    JsonNode peek(String recordId) {
        Parsed parsed = nodes.getIfPresent(recordId);
        return parsed == null ? null : parsed.node();
    }

    /** The parsed payload of the record version, parsed now from its JSON text (and kept) if it is not held. */
    JsonNode get(String recordId, String payload, Function<String, JsonNode> parse) {
        Parsed held = nodes.getIfPresent(recordId);
        if (held != null) {
            return held.node();
        }
        JsonNode node = compact(parse.apply(payload));
        long weight = Math.min(payload.length(), chars(node)) * (long) BYTES_PER_CHAR + 64;
        if (weight <= capacity / 4) {
            nodes.put(recordId, new Parsed(node, (int) weight));
        }
        return node;
    }

    /** The node with every string longer than {@link #MAX_TEXT} cut to that length (in place). */
    static JsonNode compact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> {
                JsonNode value = e.getValue();
                if (value.isTextual() && value.textValue().length() > MAX_TEXT) {
                    e.setValue(TextNode.valueOf(value.textValue().substring(0, MAX_TEXT)));
                } else if (value.isContainerNode()) {
                    compact(value);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual() && value.textValue().length() > MAX_TEXT) {
                    array.set(i, TextNode.valueOf(value.textValue().substring(0, MAX_TEXT)));
                } else if (value.isContainerNode()) {
                    compact(value);
                }
            }
        }
        return node;
    }

    /** The characters of every string and field name of the node, plus a little for each node. */
    private static long chars(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().length() + 8L;
        }
        long sum = 8;
        if (node.isObject()) {
            for (var e : node.properties()) {
                sum += e.getKey().length() + chars(e.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode value : node) {
                sum += chars(value);
            }
        }
        return sum;
    }

    /** Entries held, reads answered from them, reads that parsed. */
    long[] stats() {
        CacheStats stats = nodes.stats();
        return new long[] {nodes.estimatedSize(), stats.hitCount(), stats.missCount()};
    }

    /** A parsed payload and its estimated size in bytes. */
    private record Parsed(JsonNode node, int weight) {}
}
