package org.ggzy.sgw.bench.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table of a whole invocation: every run, then per mode the push path as a share of the no-op endpoint. */
final class Report {

    private Report() {}

    static String markdown(List<RunResult> runs) {
        StringBuilder out = new StringBuilder();
        out.append(
                "| mode | endpoint | requests/s | records/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms "
                        + "| not 2xx | gateway CPU | PostgreSQL CPU | Redis CPU | generator CPU | other CPU | heap MB (start → end) |\n");
        out.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (RunResult r : runs) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s → %s |%n",
                    r.mode(),
                    r.endpoint(),
                    RunResult.num(r.requestsPerSecond()),
                    RunResult.num(r.recordsPerSecond()),
                    RunResult.num(r.p50Ms()),
                    RunResult.num(r.p90Ms()),
                    RunResult.num(r.p99Ms()),
                    RunResult.num(r.p999Ms()),
                    RunResult.num(r.maxMs()),
                    String.format(Locale.ROOT, "%,d", r.failures()),
                    RunResult.num(r.serverCpuCores()),
                    RunResult.num(r.postgresCpuCores()),
                    RunResult.num(r.redisCpuCores()),
                    RunResult.num(r.clientCpuCores()),
                    RunResult.num(r.otherCpuCores()),
                    RunResult.num(r.heapBeforeMb()),
                    RunResult.num(r.heapAfterMb())));
        }
        Map<String, Map<String, RunResult>> byMode = new LinkedHashMap<>();
        for (RunResult r : runs) {
            byMode.computeIfAbsent(r.mode(), m -> new LinkedHashMap<>()).put(r.endpoint(), r);
        }
        boolean any = byMode.values().stream().anyMatch(m -> m.containsKey("push") && m.size() > 1);
        if (any) {
            out.append('\n');
            out.append("| mode | push records/s | push requests/s | no-op edge requests/s | no-op direct requests/s "
                    + "| push / no-op edge | push / no-op direct | no-op edge / no-op direct |\n");
            out.append("|---|--:|--:|--:|--:|--:|--:|--:|\n");
            byMode.forEach((mode, byEndpoint) -> {
                RunResult push = byEndpoint.get("push");
                RunResult edge = byEndpoint.get("noop-edge");
                RunResult direct = byEndpoint.get("noop-direct");
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        mode,
                        push == null ? "" : RunResult.num(push.recordsPerSecond()),
                        push == null ? "" : RunResult.num(push.requestsPerSecond()),
                        edge == null ? "" : RunResult.num(edge.requestsPerSecond()),
                        direct == null ? "" : RunResult.num(direct.requestsPerSecond()),
                        ratio(push, edge),
                        ratio(push, direct),
                        ratio(edge, direct)));
            });
        }
        return out.toString();
    }

    private static String ratio(RunResult a, RunResult b) {
        if (a == null || b == null || b.requestsPerSecond() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f %%", 100 * a.requestsPerSecond() / b.requestsPerSecond());
    }
}
