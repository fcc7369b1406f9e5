package org.ggzy.sgw.gateway.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile requests, deterministic for a given {@link Random}: signed pushes and dry runs of hostile bodies, pushes with
 * broken signing headers, and requests on every route with hostile path variables and query parameters, as
 * anonymous, with a bad bearer token, with a regulator's token and signed as a platform.
 */
final class HostileRequests {

    /**
     * One request. {@code pushAs} is the platform whose push this is when the push may store something (not a dry
     * run); {@code protocol} marks a request the HTTP layer refuses before the application (a target no URI parser
     * accepts, a request line or header over Netty's limits), whose refusal carries no problem body.
     */
    record Hostile(String kind, RawHttp.Request request, Signer pushAs, boolean protocol) {}

    private static final List<String> ROUTES = List.of(
            "/api/v1/datasets",
            "/api/v1/datasets/{}",
            "/api/v1/datasets/{}/schema",
            "/api/v1/platforms/{}/scorecard",
            "/api/v1/projects/{}",
            "/api/v1/projects/{}/archive",
            "/api/v1/silences",
            "/api/v1/silences/{}",
            "/api/v1/stats/overview",
            "/api/v1/warnings",
            "/api/v1/warnings/stream",
            "/api/v1/warnings/{}",
            "/api/v1/admin/deliveries",
            "/api/v1/admin/deliveries/backlog",
            "/api/v1/admin/platforms",
            "/api/v1/admin/platforms/{}",
            "/api/v1/admin/users",
            "/api/v1/admin/users/{}",
            "/api/v1/push/receipts/{}",
            "/api/v1/push/records",
            "/api/v1/push/scorecard",
            "/api/v1/push/{}",
            "/internal/api/v1/push/records",
            "/internal/api/v1/push/receipts/{}",
            "/actuator/health/readiness",
            "/actuator/{}",
            "/api/v1/{}",
            "/{}");

    private final HostileBodies bodies;
    private final List<Signer> platforms;
    private final String regulatorToken;

    HostileRequests(HostileBodies bodies, List<Signer> platforms, String regulatorToken) {
        this.bodies = bodies;
        this.platforms = platforms;
        this.regulatorToken = regulatorToken;
    }

    Hostile next(Random random) {
        Signer platform = HostileValues.pick(random, platforms);
        int pick = random.nextInt(100);
        if (pick < 55) {
            return push(random, platform);
        } else if (pick < 67) {
            return BadSigning.of(random, platform, bodies.next(random, platform.code()));
        } else if (pick < 98) {
            return get(random, platform);
        }
        return protocol(random);
    }

    private Hostile push(Random random, Signer platform) {
        HostileBodies.Body body = bodies.next(random, platform.code());
        boolean dryRun = random.nextInt(10) == 0;
        String dataset =
                random.nextInt(30) == 0 ? HostileValues.pick(random, HostileValues.PATH_VARIABLES) : body.dataset();
        String path = "/api/v1/push/" + (dryRun ? "validate/" : "") + dataset;
        List<String[]> headers = platform.headers(random, "POST", path, body.bytes());
        headers.add(new String[] {"Content-Type", contentType(random, body.ndjson())});
        String target = path + (random.nextInt(5) == 0 ? query(random) : "");
        return new Hostile(
                "push/" + body.kind(),
                new RawHttp.Request("POST", target, headers, body.bytes()),
                dryRun ? null : platform,
                false);
    }

    private static String contentType(Random random, boolean ndjson) {
        if (random.nextInt(12) == 0) {
            return HostileValues.pick(
                    random,
                    List.of(
                            "text/plain",
                            "application/json; charset=ISO-8859-1",
                            "multipart/form-data; boundary=x",
                            "a/b/c",
                            "application/x-ndjson; q=\"",
                            "*/*",
                            ""));
        }
        return ndjson ? "application/x-ndjson" : "application/json";
    }

    private Hostile get(Random random, Signer platform) {
        String route = HostileValues.pick(random, ROUTES);
        String path = route.replace("{}", pathVariable(random));
        String method = random.nextInt(12) == 0 ? HostileValues.pick(random, List.of("DELETE", "PUT", "PATCH")) : "GET";
        List<String[]> headers = new ArrayList<>();
        int who = random.nextInt(4);
        if (who == 2 && route.endsWith("/stream")) {
            who = 0; // the warning stream, open to a regulator, rightly answers nothing until a warning comes
        }
        if (who == 1) {
            headers.add(new String[] {"Authorization", HostileValues.pick(random, BAD_BEARERS)});
        } else if (who == 2) {
            headers.add(new String[] {"Authorization", "Bearer " + regulatorToken});
        } else if (who == 3) {
            headers.addAll(platform.headers(random, method, path, new byte[0]));
        }
        if (random.nextInt(8) == 0) {
            headers.add(
                    new String[] {"Accept", HostileValues.pick(random, List.of("text/html", "application/xml", "*/*"))
                    });
        }
        String target = path + (random.nextInt(3) > 0 ? query(random) : "");
        return new Hostile(
                "get/"
                        + List.of("anonymous", "bad-bearer", "regulator", "signed")
                                .get(who),
                new RawHttp.Request(method, target, headers, new byte[0]),
                null,
                false);
    }

    private static String pathVariable(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "A".repeat(1000 + random.nextInt(2500));
            case 1 ->
                HostileValues.pick(random, HostileValues.PATH_VARIABLES)
                        + HostileValues.pick(random, HostileValues.PATH_VARIABLES);
            default -> HostileValues.pick(random, HostileValues.PATH_VARIABLES);
        };
    }

    /** One to four query parameters of hostile names and values, percent-encoded where a raw byte would be invalid. */
    static String query(Random random) {
        StringBuilder query = new StringBuilder("?");
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            query.append(i == 0 ? "" : "&")
                    .append(HostileValues.pick(random, HostileValues.QUERY_NAMES))
                    .append('=')
                    .append(HostileValues.pick(random, HostileValues.QUERY_VALUES));
        }
        return query.toString();
    }

    private static final List<String> BAD_BEARERS = List.of(
            "Bearer x",
            "Bearer ",
            "Bearer",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJzeXNhZG1pbiIsInJvbGVzIjpbIlNZU0FETUlOIl19.",
            "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
            "Bearer a.b.c",
            "Bearer ' OR 1=1 --",
            "Bearer " + "A".repeat(5000),
            "Basic c3lzYWRtaW46eA==",
            "bearer eyJ",
            "Bearer ..%2F..%2F");

    private static Hostile protocol(Random random) {
        String target = HostileValues.pick(
                random,
                List.of(
                        "/api/v1/projects/%ZZ",
                        "/api/v1/projects/%",
                        "/api/v1/warnings?q=%G1",
                        "/api/v1/projects/" + "A".repeat(9000),
                        "/api/v1/projects/a b",
                        "/api/v1/projects/\u9879\u76ee",
                        "*"));
        List<String[]> headers = new ArrayList<>();
        if (random.nextBoolean()) {
            headers.add(new String[] {"X-Hostile", "a\u0000b"});
        }
        if (random.nextInt(4) == 0) {
            headers.add(new String[] {"X-Big", "h".repeat(20_000)});
        }
        return new Hostile(
                "protocol",
                new RawHttp.Request("GET", target, headers, "".getBytes(StandardCharsets.UTF_8)),
                null,
                true);
    }
}
