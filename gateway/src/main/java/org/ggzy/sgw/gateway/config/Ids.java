package org.ggzy.sgw.gateway.config;

import com.github.f4b6a3.ulid.UlidFactory;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Identifiers (ULIDs: time-ordered, and monotonic within a millisecond on each thread; each thread has its own
 * generator, so that threads never wait for one another's lock) and the strong random numbers behind them and
 * behind secrets.
 * Both come from one DRBG ({@code SecureRandom.getInstance("DRBG")}), seeded from the system's entropy once, when this
 * class is initialised (at start, on the main thread); after that it never reads {@code /dev/urandom}, so drawing an
 * id or a nonce on an event loop does no I/O (the JDK's default {@code NativePRNG} reads the device every 100 ms).
 */
public final class Ids {

    private static final SecureRandom RANDOM = newRandom();
    private static final ThreadLocal<UlidFactory> ULIDS =
            ThreadLocal.withInitial(() -> UlidFactory.newMonotonicInstance(RANDOM));

    private Ids() {}

    /** A new ULID, 26 characters, unique, later than every one this thread made before. */
    public static String next() {
        return ULIDS.get().create().toString();
    }

    /** The strong random number generator, for secrets, keys and initialisation vectors. */
    public static SecureRandom random() {
        return RANDOM;
    }

    private static SecureRandom newRandom() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG");
            random.nextBytes(new byte[16]); // seeds it now
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's DRBG is missing", e);
        }
    }
}
