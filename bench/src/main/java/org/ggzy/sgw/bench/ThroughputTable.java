package org.ggzy.sgw.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Formats JMH results as records per second and records per second per core. Per core is the score divided by the
 * cores the run's threads could use: min(JMH threads, available processors). JMH runs one thread unless {@code -t}
 * says otherwise, so by default per core equals the single-thread score. When {@link CpuTimeProfiler} ran, the table
 * also shows the cores the benchmark's JVM kept busy and records per CPU-second.
 */
public final class ThroughputTable {

    private static final String[] HEADER = {
        "benchmark",
        "threads",
        "records/s",
        "+/- 99.9%",
        "records/s/core",
        "us/record/core",
        "cores busy",
        "records/CPU-s"
    };

    private ThroughputTable() {}

    public static String of(Collection<RunResult> results, int availableProcessors) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        boolean otherUnits = false;
        int maxThreads = 1;
        for (RunResult run : results) {
            BenchmarkParams params = run.getParams();
            Result<?> primary = run.getPrimaryResult();
            int threads = params.getThreads();
            maxThreads = Math.max(maxThreads, threads);
            int cores = Math.max(1, Math.min(threads, availableProcessors));
            boolean recordsPerSecond = params.getMode() == Mode.Throughput && "ops/s".equals(primary.getScoreUnit());
            otherUnits |= !recordsPerSecond;
            String unit = recordsPerSecond ? "" : " " + primary.getScoreUnit();
            rows.add(new String[] {
                name(params),
                Integer.toString(threads),
                number(primary.getScore()) + unit,
                number(primary.getScoreError()),
                recordsPerSecond ? number(primary.getScore() / cores) : "n/a",
                recordsPerSecond ? micros(cores / primary.getScore()) : "n/a",
                secondary(run, CpuTimeProfiler.CORES_BUSY, "%.2f"),
                secondary(run, CpuTimeProfiler.RECORDS_PER_CPU_SECOND, null)
            });
        }
        StringBuilder out = new StringBuilder();
        out.append("Throughput (one operation = one record; JMH ")
                .append(maxThreads == 1 ? "1 thread" : "up to " + maxThreads + " threads")
                .append(", ")
                .append(availableProcessors)
                .append(" available processors)\n\n");
        appendTable(out, rows);
        out.append("\nrecords/s/core = records/s / min(threads, available processors).\n");
        if (maxThreads == 1) {
            out.append("JMH ran one thread, so records/s/core is the single-thread score.\n");
        }
        out.append("us/record/core = 1,000,000 / records/s/core.\n");
        out.append(
                "cores busy = CPU time of the benchmark's JVM (all its threads, GC and JIT included) / wall time.\n");
        out.append("records/CPU-s = records per second of that CPU time: what one fully used core does. When cores\n");
        out.append(
                "busy is well below the thread count, the machine was shared: trust records/CPU-s over records/s.\n");
        if (otherUnits) {
            out.append("Rows not measured in throughput mode (ops/s) show their score in their own unit.\n");
        }
        return out.toString();
    }

    private static String name(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        StringBuilder name = new StringBuilder(benchmark.substring(type + 1));
        String separator = " [";
        for (Object key : params.getParamsKeys()) {
            name.append(separator).append(key).append('=').append(params.getParam(key.toString()));
            separator = ", ";
        }
        return separator.equals(" [") ? name.toString() : name.append(']').toString();
    }

    private static String secondary(RunResult run, String label, String format) {
        Result<?> result = run.getSecondaryResults().get(label);
        if (result == null) {
            return "n/a";
        }
        return format == null ? number(result.getScore()) : String.format(Locale.ROOT, format, result.getScore());
    }

    private static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
    }

    private static String micros(double seconds) {
        double micros = seconds * 1_000_000;
        if (Double.isNaN(micros) || Double.isInfinite(micros)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, micros >= 100 ? "%,.0f" : micros >= 10 ? "%.1f" : "%.2f", micros);
    }

    private static void appendTable(StringBuilder out, List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        int total = 2 * (widths.length - 1);
        for (int width : widths) {
            total += width;
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(i == 0 ? row[i] + pad : pad + row[i]);
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                out.append("-".repeat(total)).append('\n');
            }
        }
    }
}
