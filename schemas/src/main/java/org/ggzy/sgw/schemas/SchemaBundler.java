package org.ggzy.sgw.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Inlines the definitions a data set schema takes from {@code common.schema.json}. */
final class SchemaBundler {

    static final String COMMON_REF = "common.schema.json#/$defs/";
    static final String LOCAL_REF = "#/$defs/";

    private final JsonNode commonDefs;

    SchemaBundler(JsonNode common) {
        this.commonDefs = common.path("$defs");
    }

    ObjectNode bundle(DatasetId id, JsonNode raw) {
        if (!(raw instanceof ObjectNode)) {
            throw new IllegalStateException("schema of " + id + " is not a JSON object");
        }
        ObjectNode schema = ((ObjectNode) raw).deepCopy();
        Set<String> used = new HashSet<>();
        rewriteRefs(schema, used);
        ObjectNode defs = schema.has("$defs") ? (ObjectNode) schema.get("$defs") : schema.putObject("$defs");
        Deque<String> pending = new ArrayDeque<>(used);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (defs.has(name)) {
                continue;
            }
            JsonNode def = commonDefs.get(name);
            if (def == null) {
                throw new IllegalStateException("schema of " + id + " refers to unknown common definition " + name);
            }
            JsonNode copy = def.deepCopy();
            Set<String> nested = new HashSet<>();
            rewriteRefs(copy, nested);
            defs.set(name, copy);
            pending.addAll(nested);
        }
        if (defs.isEmpty()) {
            schema.remove("$defs");
        }
        return schema;
    }

    private static void rewriteRefs(JsonNode node, Set<String> used) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(COMMON_REF)) {
                String name = ref.asText().substring(COMMON_REF.length());
                used.add(name);
                object.set("$ref", TextNode.valueOf(LOCAL_REF + name));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, used));
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, used));
        }
    }

    /** The top-level fields of a bundled schema, with the name of the shared definition each one uses. */
    static Map<String, Dataset.Field> fields(ObjectNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Map<String, Dataset.Field> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it =
                schema.path("properties").properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            String ref = p.path("$ref").asText("");
            String format = ref.startsWith(LOCAL_REF) ? ref.substring(LOCAL_REF.length()) : null;
            fields.put(
                    e.getKey(),
                    new Dataset.Field(
                            e.getKey(),
                            textOrNull(p, "title"),
                            textOrNull(p, "description"),
                            format,
                            required.contains(e.getKey())));
        }
        return Collections.unmodifiableMap(fields);
    }

    private static String textOrNull(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
