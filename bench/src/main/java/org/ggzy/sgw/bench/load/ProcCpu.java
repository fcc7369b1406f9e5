package org.ggzy.sgw.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the PostgreSQL and Redis processes on this machine, from {@code /proc} (Linux; the generator runs on
 * the gateway's machine). PostgreSQL counts every backend, whatever its database: on a shared server that includes
 * other databases' work. Empty where {@code /proc} cannot be read.
 */
final class ProcCpu {

    /** Clock ticks a second of {@code /proc/<pid>/stat} ({@code getconf CLK_TCK}: 100 on Linux). */
    static final double TICKS = 100;

    static final String POSTGRES = "postgres";
    static final String REDIS = "redis-server";

    private ProcCpu() {}

    /** CPU seconds (user + system) so far, by process name, of the processes named {@link #POSTGRES}, {@link #REDIS}. */
    static Map<String, Double> seconds() {
        Map<String, Double> out = new HashMap<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return out;
        }
        try (DirectoryStream<Path> pids =
                Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
            for (Path pid : pids) {
                String stat;
                try {
                    stat = Files.readString(pid.resolve("stat"));
                } catch (IOException | RuntimeException e) {
                    continue; // gone meanwhile
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open) {
                    continue;
                }
                String name = stat.substring(open + 1, close);
                String key = name.startsWith(POSTGRES) ? POSTGRES : name.startsWith("redis-server") ? REDIS : null;
                if (key == null) {
                    continue;
                }
                String[] fields = stat.substring(close + 2).split(" ");
                // after the name: state(0) ppid(1) ... utime(11) stime(12)
                if (fields.length > 12) {
                    double ticks = Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]);
                    out.merge(key, ticks / TICKS, Double::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new HashMap<>();
        }
        return out;
    }

    private static boolean isPid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
