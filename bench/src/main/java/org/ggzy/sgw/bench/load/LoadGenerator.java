package org.ggzy.sgw.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.schemas.Catalog;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The load generator of the gateway (see {@code bench/README.md}, section "Push load"): registers fresh platforms,
 * then sends signed pushes of realistic records at a fixed concurrency or a fixed arrival rate, against the push
 * path and the bench profile's no-op endpoints, and reports throughput, latency, status counts and the server's heap
 * and CPU. {@code --help} lists the options.
 */
public final class LoadGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LoadGenerator() {}

    public static void main(String[] args) throws IOException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LoadOptions.HELP);
            return;
        }
        List<Lifecycles.Scenario> scenarios = Lifecycles.load(Catalog.load());
        List<String> datasets = Lifecycles.datasets(scenarios);

        ConnectionProvider pool = ConnectionProvider.builder("sgw-load")
                .maxConnections(options.openModel() ? options.maxOutstanding() : options.concurrency())
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(options.timeout())
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        ConnectionProvider side = ConnectionProvider.create("sgw-load-admin", 4);
        HttpClient http = HttpClient.create(pool)
                .baseUrl(options.url())
                .responseTimeout(options.timeout())
                .compress(false);
        HttpClient admin = HttpClient.create(side).baseUrl(options.url()).responseTimeout(Duration.ofSeconds(30));
        try {
            String token = token(admin, options.adminPassword());
            List<Engine.Platform> platforms = new ArrayList<>();
            for (int i = 0; i < options.platforms(); i++) {
                platforms.add(register(admin, token, i + 1, datasets));
            }
            System.out.printf(
                    "registered %d platform(s) for %d data sets at %s; scenarios %s%n",
                    platforms.size(), datasets.size(), options.url(), Lifecycles.SCENARIOS);
            Engine engine = new Engine(
                    http,
                    new ServerMetrics(admin, () -> token(admin, options.adminPassword())),
                    options,
                    scenarios,
                    platforms);
            if (!options.prime().isZero()) {
                Duration each = options.prime().dividedBy(options.endpoints().size());
                for (LoadOptions.Endpoint endpoint : options.endpoints()) {
                    RunResult primed = engine.run(LoadOptions.Mode.SINGLE, endpoint, Duration.ZERO, each);
                    System.out.printf(
                            "primed the gateway: %s single for %d s (%,.0f requests/s, not counted)%n",
                            endpoint.label, each.toSeconds(), primed.requestsPerSecond());
                }
                if (options.endpoints().contains(LoadOptions.Endpoint.PUSH)
                        && !options.settle().isZero()) {
                    token = settle(admin, token, options);
                }
            }
            List<RunResult> results = new ArrayList<>();
            for (LoadOptions.Mode mode : options.modes()) {
                for (LoadOptions.Endpoint endpoint : options.endpoints()) {
                    RunResult result = engine.run(mode, endpoint);
                    results.add(result);
                    System.out.print(result.text());
                    System.out.println(result.json());
                    System.out.println();
                    System.out.flush();
                    if (endpoint == LoadOptions.Endpoint.PUSH
                            && !options.settle().isZero()) {
                        token = settle(admin, token, options);
                    }
                    if (options.jsonFile() != null) {
                        Files.writeString(
                                Path.of(options.jsonFile()),
                                result.json() + "\n",
                                StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND);
                    }
                }
            }
            String table = Report.markdown(results);
            if (results.size() > 1) {
                System.out.println(table);
            }
            if (options.markdownFile() != null) {
                Files.writeString(Path.of(options.markdownFile()), table, StandardCharsets.UTF_8);
            }
        } catch (SetupException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        } finally {
            try {
                pool.disposeLater().block(Duration.ofSeconds(10));
                side.disposeLater().block(Duration.ofSeconds(10));
            } catch (RuntimeException | LinkageError e) {
                // closing connections at exit: nothing left to report
            }
        }
    }

    /** A bearer token for sysadmin. */
    static String token(HttpClient admin, String password) {
        Map<String, Object> body = Map.of("username", "sysadmin", "password", password);
        JsonNode answer = post(admin, "/api/v1/auth/token", null, body, 200);
        return answer.path("accessToken").asText();
    }

    /** Registers a platform with a fresh random code for the data sets; its secret is in the answer, once. */
    static Engine.Platform register(HttpClient admin, String token, int n, List<String> datasets) {
        String code = randomCode();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("platformCode", code);
        body.put("name", "负载测试交易系统 " + n + " " + code);
        body.put("regionCode", "350100");
        body.put("datasets", datasets);
        JsonNode answer = post(admin, "/api/v1/admin/platforms", token, body, 201);
        return new Engine.Platform(new Signer(code, answer.path("secret").asText()));
    }

    private static JsonNode post(HttpClient admin, String path, String token, Object body, int expected) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        record Answer(int status, String body) {}
        Answer answer;
        try {
            answer = admin.headers(h -> {
                        h.set("Content-Type", "application/json");
                        if (token != null) {
                            h.set("Authorization", "Bearer " + token);
                        }
                    })
                    .post()
                    .uri(path)
                    .send(ByteBufFlux.fromInbound(Mono.just(bytes)))
                    .responseSingle((res, content) -> content.asString(StandardCharsets.UTF_8)
                            .defaultIfEmpty("")
                            .map(text -> new Answer(res.status().code(), text)))
                    .block(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            throw new SetupException("POST " + path + " failed: " + e.getMessage() + " (is the gateway up?)");
        }
        if (answer == null || answer.status() != expected) {
            throw new SetupException("POST " + path + " answered "
                    + (answer == null ? "nothing" : answer.status() + " " + answer.body()) + ", expected " + expected);
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new SetupException("POST " + path + " answered something that is not JSON: " + answer.body());
        }
    }

    /**
     * Waits until the gateway's outbox holds nothing waiting for delivery (or {@code --settle} has passed), and says
     * how long the deliveries of the last run took after it. Returns the token, renewed if it had expired.
     */
    static String settle(HttpClient admin, String token, LoadOptions options) {
        long start = System.nanoTime();
        long deadline = start + options.settle().toNanos();
        long first = -1;
        long pending = -1;
        String current = token;
        while (true) {
            record Answer(int status, String body) {}
            String bearer = current;
            Answer answer = admin.headers(h -> h.set("Authorization", "Bearer " + bearer))
                    .get()
                    .uri("/api/v1/admin/deliveries/backlog")
                    .responseSingle((res, content) -> content.asString(StandardCharsets.UTF_8)
                            .defaultIfEmpty("")
                            .map(text -> new Answer(res.status().code(), text)))
                    .block(Duration.ofSeconds(30));
            if (answer != null && answer.status() == 401) {
                current = token(admin, options.adminPassword());
                continue;
            }
            if (answer == null || answer.status() != 200) {
                System.out.printf(
                        "outbox      not waited for: the backlog answered %s%n%n",
                        answer == null ? "nothing" : answer.status());
                return current;
            }
            try {
                pending = 0;
                for (JsonNode d : JSON.readTree(answer.body()).path("destinations")) {
                    pending += d.path("pending").asLong();
                }
            } catch (IOException e) {
                throw new SetupException("the backlog answered something that is not JSON: " + answer.body());
            }
            if (first < 0) {
                first = pending;
            }
            if (pending == 0 || System.nanoTime() > deadline) {
                break;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "outbox      %,d deliveries waiting after the run; %s after %.1f s%n%n",
                first,
                pending == 0 ? "all delivered" : String.format("%,d still waiting (not waited longer)", pending),
                seconds);
        return current;
    }

    /** An 18-character code of the USCC alphabet, as the gateway's tests make them. */
    static String randomCode() {
        StringBuilder code = new StringBuilder("91");
        for (int i = 0; i < 16; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The generator could not prepare its run. */
    static final class SetupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SetupException(String message) {
            super(message);
        }
    }
}
