package org.ggzy.sgw.gateway.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import reactor.core.publisher.Mono;

/**
 * Counts failed logins per account and per source address (see {@link LoginProperties}). Redis when
 * {@code sgw.redis.enabled}, shared by every node; in this process otherwise. Windows follow the gateway's clock.
 */
interface LoginThrottle {

    /** How long logins of this account or from this address must wait; zero when they may go ahead. */
    Mono<Duration> retryAfter(String account, String address);

    /** Counts a failed login of the account from the address. */
    Mono<Void> failed(String account, String address);

    /** Forgets the account's failures (a successful login). */
    Mono<Void> succeeded(String account);

    /** A short, fixed-length key for an account name as typed (any length, any characters). */
    static String accountKey(String account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
            return "account:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String addressKey(String address) {
        return "address:" + address;
    }
}
