package org.ggzy.sgw.gateway.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutates a valid record: fields removed, values of the wrong type, hostile strings, hostile keys, huge numbers (as a
 * {@link #NUMBER} marker that the caller replaces by a raw number text), deep values and very long strings.
 */
final class Mutator {

    /** Stands for a raw number text in the serialised record. */
    static final String NUMBER = "@@NUMBER@@";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Mutator() {}

    static ObjectNode mutate(Random random, ObjectNode valid, int mutations) {
        ObjectNode record = valid.deepCopy();
        for (int i = 0; i < mutations; i++) {
            mutateOnce(random, record);
        }
        return record;
    }

    private static void mutateOnce(Random random, ObjectNode record) {
        List<String> fields = new ArrayList<>();
        record.fieldNames().forEachRemaining(fields::add);
        String field = fields.isEmpty() ? "DATA_KEY" : HostileValues.pick(random, fields);
        switch (random.nextInt(10)) {
            case 0 -> record.remove(field);
            case 1 -> record.put(field, HostileValues.pick(random, HostileValues.STRINGS));
            case 2 -> record.set(field, swapType(random, record.get(field)));
            case 3 -> record.set(HostileValues.pick(random, HostileValues.KEYS), anyValue(random));
            case 4 -> record.put(field, NUMBER);
            case 5 -> record.set(field, deep(random.nextInt(40)));
            case 6 -> record.put(field, HostileValues.randomChars(random, 1 + random.nextInt(300)));
            case 7 -> record.put(field, "x".repeat(random.nextInt(20) == 0 ? 1_000_001 : 1 + random.nextInt(20_000)));
            case 8 -> record.set("K".repeat(1 + random.nextInt(70_000)), anyValue(random));
            default -> record.put(field, record.path(field).asText() + (random.nextInt(5) == 0 ? "\u0000" : "\u0001"));
        }
    }

    /** A value of another JSON type than {@code value}: numbers where strings are expected and the other way round. */
    static JsonNode swapType(Random random, JsonNode value) {
        if (value != null && value.isTextual()) {
            return switch (random.nextInt(6)) {
                case 0 -> NODES.numberNode(new BigInteger(value.asText().replaceAll("\\D", "") + "7"));
                case 1 -> NODES.numberNode(random.nextLong());
                case 2 -> NODES.numberNode(new BigDecimal("1E+400"));
                case 3 -> NODES.booleanNode(random.nextBoolean());
                case 4 -> NODES.arrayNode().add(value);
                default -> NODES.nullNode();
            };
        }
        return value == null ? NODES.objectNode() : NODES.textNode(value.toString());
    }

    static JsonNode anyValue(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.textNode(HostileValues.pick(random, HostileValues.STRINGS));
            case 1 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 2 -> NODES.nullNode();
            case 3 -> NODES.arrayNode().add(1).add("a").addNull().add(NODES.objectNode());
            case 4 -> NODES.objectNode().put("$ref", "#/properties/DATA_KEY");
            case 5 -> NODES.booleanNode(false);
            default -> deep(random.nextInt(31));
        };
    }

    /** Arrays and objects nested {@code depth} levels. */
    static JsonNode deep(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            if (i % 2 == 0) {
                ArrayNode a = NODES.arrayNode();
                a.add(node);
                node = a;
            } else {
                ObjectNode o = NODES.objectNode();
                o.set("d", node);
                node = o;
            }
        }
        return node;
    }
}
