package org.ggzy.sgw.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ggzy.sgw.gateway.support.Records;

/**
 * The fuzz suite, the same on every profile: {@code sgw.fuzz.count} hostile requests (1,500 unless set; the full run
 * is {@code -Dsgw.fuzz.count=10000}) from {@code sgw.fuzz.seed}, then what was stored is compared with the answers,
 * and a valid push must still be accepted. Prints the figures; fails with the seed and every failing request.
 */
final class FuzzSuite {

    static final int COUNT = Integer.getInteger("sgw.fuzz.count", 1500);
    static final long SEED = Long.getLong("sgw.fuzz.seed", 20261204L);
    static final int VALID_PUSHES = 5;

    private FuzzSuite() {}

    static void run(FuzzTarget target) throws IOException {
        FuzzRun run = new FuzzRun(target, Seeds.load(), SEED);
        long started = System.nanoTime();
        run.run(COUNT);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        run.checkStored();
        List<Long> latencies = validPushes(target);
        System.out.printf(
                "FUZZ %s: seed %d, %d requests in %d s, %d answers >= 500, %d without an answer in %d s, %d 4xx"
                        + " without a problem body, slowest answer %d ms; a valid push afterwards: 202 in %s ms%n"
                        + "FUZZ %s statuses by kind: %s%n",
                target.profile(),
                SEED,
                run.requests(),
                seconds,
                run.serverErrors,
                run.hangs,
                FuzzRun.LIMIT.toSeconds(),
                run.withoutProblem,
                run.slowestNanos / 1_000_000,
                latencies,
                target.profile(),
                run.statuses);
        assertThat(run.failures)
                .as("fuzz failures (seed " + SEED + ", re-run with -Dsgw.fuzz.seed=" + SEED + " -Dsgw.fuzz.count="
                        + COUNT + ")")
                .isEmpty();
    }

    /** Valid pushes after the run, each answered 202; their latencies in milliseconds (reported, not asserted). */
    private static List<Long> validPushes(FuzzTarget target) throws IOException {
        RawHttp http = new RawHttp(target.port(), FuzzRun.LIMIT);
        Signer platform = target.platforms().get(0);
        Random random = new Random(SEED);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < VALID_PUSHES; i++) {
            byte[] body = Records.bytes(Records.tenderNotice(platform.code()));
            String path = "/api/v1/push/gcjs.tender-notice";
            List<String[]> headers = platform.headers(random, "POST", path, body);
            headers.add(new String[] {"Content-Type", "application/json"});
            RawHttp.Answer answer = http.send(new RawHttp.Request("POST", path, headers, body));
            assertThat(answer.status())
                    .as("a valid push after the fuzz run: %s", answer.text())
                    .isEqualTo(202);
            latencies.add(answer.nanos() / 1_000_000);
        }
        return latencies;
    }
}
