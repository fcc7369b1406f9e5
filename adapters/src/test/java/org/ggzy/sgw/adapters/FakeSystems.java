package org.ggzy.sgw.adapters;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The downstream systems as WireMock servers on free ports, each loaded with its stub mappings from
 * {@code contracts/wiremock/<system>} (on the class path in the sgw-contracts jar). Started once for all the tests of
 * a run, and stopped when it ends; tests tell their requests apart by unique delivery ids and party codes.
 */
final class FakeSystems {

    static final List<String> SYSTEMS = List.of("provincial", "credit", "remote-evaluation", "sms", "webhook");

    private static final Map<String, WireMockServer> SERVERS = new ConcurrentHashMap<>();

    private FakeSystems() {}

    /** The fake of {@code system}, started on first use. */
    static WireMockServer server(String system) {
        return SERVERS.computeIfAbsent(system, FakeSystems::start);
    }

    /** Points every HTTP adapter at its fake. */
    static void register(DynamicPropertyRegistry registry) {
        for (String system : SYSTEMS) {
            registry.add(
                    "sgw.adapters." + system + ".base-url", () -> server(system).baseUrl());
        }
    }

    private static WireMockServer start(String system) {
        WireMockServer server = new WireMockServer(
                options().dynamicPort().usingFilesUnderClasspath("sgw/contracts/wiremock/" + system));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-fake-" + system));
        return server;
    }
}
