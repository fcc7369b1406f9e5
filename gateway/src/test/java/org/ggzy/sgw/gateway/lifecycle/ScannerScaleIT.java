package org.ggzy.sgw.gateway.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ggzy.sgw.gateway.support.MutableClock;
import org.ggzy.sgw.gateway.support.MutableClockConfig;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The deadline scanner over 1,000,000 open expectations in PostgreSQL: the due ones are found through the partial
 * index on {@code next_check_at} (asserted on the query plan), so a scan costs what is due, not what is stored.
 * The durations are printed and written to {@code target/scanner-scale.txt} (a measurement, not an assertion).
 */
@PostgresAndRedis
@Import(MutableClockConfig.class)
@TestPropertySource(properties = "sgw.scanner.enabled=false")
class ScannerScaleIT {

    static final int OPEN = 1_000_000;
    static final Instant NOW = Instant.parse("2098-06-01T00:00:00Z");

    @Autowired
    DeadlineScanner scanner;

    @Autowired
    MutableClock clock;

    @Value("${sgw.it.postgres-url:jdbc:postgresql://127.0.0.1:5432/test}")
    String jdbcUrl;

    @Value("${sgw.it.postgres-user:postgres}")
    String jdbcUser;

    final String prefix = "SCALE-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldScanTheDueOnesAmongAMillionOpenExpectationsThroughTheIndex() throws Exception {
        List<String> report = new ArrayList<>();
        try (Connection c = connection()) {
            long insert = System.nanoTime();
            insert(c, "open", OPEN, "2099-01-01T00:00:00Z");
            report.add(String.format("inserted %,d open expectations (not due) in %.1f s", OPEN, secs(insert)));
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE expectations");
            }
            String plan = plan(c);
            assertThat(plan).contains("expectations_next_check");
            report.add("plan: " + plan.replace('\n', ' '));
        }
        clock.set(NOW);
        scanner.scan().block(Duration.ofMinutes(5)); // what other tests left due, so that the timed scans see ours only

        report.add(timed("nothing due", 0));
        report.add(timed("100 due", 100));
        report.add(timed("1,000 due", 1000));
        String text = String.join(System.lineSeparator(), report);
        System.out.println(text);
        Files.writeString(Path.of("target", "scanner-scale.txt"), text + System.lineSeparator());
    }

    private String timed(String label, int due) throws SQLException, IOException {
        try (Connection c = connection()) {
            insert(c, "due" + due, due, "2098-01-01T00:00:00Z");
        }
        long start = System.nanoTime();
        ScanResult result = scanner.scan().block(Duration.ofMinutes(5));
        double ms = (System.nanoTime() - start) / 1e6;
        assertThat(result.raised()).isEqualTo(due);
        return String.format("scan with %,d open, %s: %.1f ms (raised %d)", OPEN + due, label, ms, result.raised());
    }

    private void insert(Connection c, String batch, int n, String due) throws SQLException {
        if (n == 0) {
            return;
        }
        String tag = UUID.randomUUID().toString().substring(0, 4);
        try (var s = c.prepareStatement("INSERT INTO expectations (id, trade_type, project_code, section_code, rule, "
                + "dataset, discriminator, platform_code, region_code, due_at, status, next_check_at, created_at, "
                + "updated_at) SELECT 'X' || ? || lpad(i::text, 21, '0'), 'gcjs', ? || '-' || (i / 4), "
                + "? || '-' || i, 'STAGE_MISSING', 'gcjs.bid-opening', '', '91350000MA347WHE48', '350104', "
                + "?::timestamptz, 'OPEN', ?::timestamptz, now(), now() FROM generate_series(1, ?) AS i")) {
            s.setString(1, tag);
            s.setString(2, prefix + "-" + batch);
            s.setString(3, prefix + "-" + batch);
            s.setString(4, due);
            s.setString(5, due);
            s.setInt(6, n);
            s.executeUpdate();
        }
    }

    private static String plan(Connection c) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN SELECT id FROM expectations WHERE next_check_at <= "
                        + "'2098-06-01T00:00:00Z' ORDER BY next_check_at LIMIT 500 FOR UPDATE SKIP LOCKED")) {
            while (rs.next()) {
                plan.append(rs.getString(1).strip()).append('\n');
            }
        }
        return plan.toString();
    }

    @AfterEach
    void removeTheMillion() throws SQLException {
        try (Connection c = connection();
                var events = c.prepareStatement("DELETE FROM warning_events WHERE warning_id IN (SELECT id FROM "
                        + "warnings WHERE tender_project_code LIKE ?)");
                var warnings = c.prepareStatement("DELETE FROM warnings WHERE tender_project_code LIKE ?");
                var expectations = c.prepareStatement("DELETE FROM expectations WHERE project_code LIKE ?")) {
            for (var s : List.of(events, warnings, expectations)) {
                s.setString(1, prefix + "%");
                s.executeUpdate();
            }
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, jdbcUser, "");
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
