package org.ggzy.sgw.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Deliveries made of the example records in sgw-contracts, with ids unique to each test. */
final class Samples {

    private Samples() {}

    /** A unique delivery id, with a prefix that may select a simulated failure of the fakes ({@code sim-500-}). */
    static String id(String prefix) {
        return prefix + UUID.randomUUID();
    }

    /** A mobile number of its own, so that the rate cap of one test does not hold back another. */
    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String example(String dataset, String file) {
        String path = "sgw/contracts/examples/" + dataset + "/" + file;
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no example " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String warning(String id, String severity) {
        return """
                {"id":"%s","rule":"P11","severity":"%s","status":"OPEN","platformCode":"91350000MA347WHE48",\
                "regionCode":"350102","tradeType":"gcjs","bidSectionCode":"E3501000717002688002001",\
                "dataset":"gcjs.win-result","message":"The winning bid is far below the reckoned price",\
                "messageZh":"中标价明显低于招标控制价"}"""
                .formatted(id, severity);
    }

    /** A delivery to {@code destination} of the kind and payload it takes in the contracts. */
    static Delivery to(String destination, String id) {
        return switch (destination) {
            case "provincial", "credit" -> record(destination, id, "gcjs.win-result", "valid-award.json");
            case "remote-evaluation" -> record(destination, id, "gcjs.evaluation-expert", "valid-chair.json");
            case "webhook" -> warningTo(destination, id, Map.of());
            case "sms" -> warningTo(destination, id, Map.of("recipient", mobile()));
            default -> throw new IllegalArgumentException(destination);
        };
    }

    static Delivery record(String destination, String id, String dataset, String file) {
        return new Delivery(
                id,
                destination,
                Delivery.RECORD,
                dataset,
                dataset.substring(0, 4),
                "3501002026110100000000000000000000000001",
                example(dataset, file),
                Map.of("platformCode", "91350000MA347WHE48"));
    }

    static Delivery warningTo(String destination, String id, Map<String, String> attributes) {
        return new Delivery(
                id,
                destination,
                Delivery.WARNING,
                "gcjs.win-result",
                "gcjs",
                "E3501000717002688002001",
                warning("W-" + id, "RED"),
                attributes);
    }

    /** The path each fake takes deliveries at. */
    static String path(String destination) {
        return switch (destination) {
            case "provincial" -> "/supervision/v1/records";
            case "credit" -> "/credit/v1/events";
            case "remote-evaluation" -> "/remote-evaluation/v1/records";
            case "sms" -> "/sms/v1/messages";
            case "webhook" -> "/hooks/sgw/warnings";
            default -> throw new IllegalArgumentException(destination);
        };
    }
}
