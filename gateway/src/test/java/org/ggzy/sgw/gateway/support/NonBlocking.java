package org.ggzy.sgw.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * BlockHound in the integration tests: a blocking call (socket or file I/O, sleeping, waiting on a lock or a future)
 * on a thread that must never block (Netty's event loops: HTTP and the database driver; Reactor's parallel
 * scheduler) fails the call, and the test class fails after its tests with every call seen, even where the error was
 * swallowed. Installed once per JVM when {@code sgw.it.blockhound} is true (failsafe sets it, with the JVM flag
 * BlockHound needs). The allowances are library internals that hold a lock for a few instructions; each says why.
 */
public class NonBlocking implements BeforeAllCallback, AfterAllCallback {

    private static final List<String> SEEN = new ArrayList<>();
    private static boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    static synchronized void install() {
        if (installed || !Boolean.getBoolean("sgw.it.blockhound")) {
            return;
        }
        BlockHound.install(builder -> builder
                // Logback's appenders take a short lock around writing one event to the console
                .allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes")
                .allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "subAppend")
                // Lettuce guards its command queue with a lock held for a few instructions; two threads writing
                // commands at once may wait on it briefly (and an error thrown inside would break the connection)
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters")
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters")
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "doExclusive")
                // Netty's compression codecs load the zstd native library once, in a static initialiser
                .allowBlockingCallsInside("com.github.luben.zstd.util.Native", "load")
                // Spring Data Redis opens its shared connection on first use; the gateway opens it at start-up
                // (RedisWarmUp), so this is reached only when Redis was down then (RedisFailureIT)
                .allowBlockingCallsInside(
                        "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory$SharedConnection",
                        "getConnection")
                .blockingMethodCallback(method -> {
                    String where = Thread.currentThread().getName() + ": " + method + "\n"
                            + Arrays.stream(new Throwable().getStackTrace())
                                    .skip(2)
                                    .limit(40)
                                    .map(e -> "    at " + e)
                                    .collect(Collectors.joining("\n"));
                    synchronized (SEEN) {
                        SEEN.add(where);
                    }
                    throw new BlockingOperationError(method);
                }));
        installed = true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> seen;
        synchronized (SEEN) {
            seen = List.copyOf(SEEN);
            SEEN.clear();
        }
        assertThat(seen)
                .as("blocking calls on non-blocking threads during " + context.getDisplayName())
                .isEmpty();
    }
}
