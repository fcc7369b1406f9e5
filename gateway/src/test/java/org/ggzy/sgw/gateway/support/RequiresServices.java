package org.ggzy.sgw.gateway.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that need the real PostgreSQL and Redis. Where they are not reachable the tests are skipped, with the
 * reason in the report, unless {@code -Dsgw.it.require-services=true} (what CI sets): then they fail.
 */
public class RequiresServices implements ExecutionCondition, BeforeAllCallback {

    public static final String POSTGRES_URL =
            System.getProperty("sgw.it.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getProperty("sgw.it.postgres-user", "postgres");
    public static final String REDIS_URL = System.getProperty("sgw.it.redis-url", "redis://127.0.0.1:6379");

    private static boolean required() {
        return Boolean.getBoolean("sgw.it.require-services");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = missing();
        if (missing == null || required()) {
            return ConditionEvaluationResult.enabled("PostgreSQL and Redis reachable (or required)");
        }
        return ConditionEvaluationResult.disabled("skipped: " + missing
                + " not reachable (run with -Dsgw.it.require-services=true to make this a failure)");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String missing = missing();
        if (missing != null) {
            throw new IllegalStateException(missing + " not reachable, and -Dsgw.it.require-services=true");
        }
    }

    private static String missing() {
        URI pg = URI.create(POSTGRES_URL.substring("jdbc:".length()));
        URI redis = URI.create(REDIS_URL);
        if (!reachable(pg.getHost(), pg.getPort() < 0 ? 5432 : pg.getPort())) {
            return "PostgreSQL at " + pg.getHost() + ":" + pg.getPort();
        }
        if (!reachable(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort())) {
            return "Redis at " + redis.getHost() + ":" + redis.getPort();
        }
        return null;
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
