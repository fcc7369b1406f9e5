package org.ggzy.sgw.gateway.session;

import java.time.Duration;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Runs password checks under the login throttle: refused with {@code 429 login-throttled} while the account or the
 * source address is throttled (before the password is even looked at); an {@code invalid-credentials} failure is
 * counted; a success resets the account's count.
 */
@Component
public class LoginGuard {

    private static final Logger log = LoggerFactory.getLogger(LoginGuard.class);

    private final LoginThrottle throttle;

    LoginGuard(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** The attempt, unless throttled; its outcome counted. */
    public <T> Mono<T> attempt(String account, String address, Mono<T> attempt) {
        return throttle.retryAfter(account, address)
                .flatMap(wait -> wait.isZero()
                        ? counted(account, address, attempt)
                        : Mono.error(throttled(account, address, wait)));
    }

    private <T> Mono<T> counted(String account, String address, Mono<T> attempt) {
        return attempt.onErrorResume(
                        e -> e instanceof ProblemException p && p.type() == ProblemType.INVALID_CREDENTIALS,
                        e -> throttle.failed(account, address).then(Mono.error(e)))
                .flatMap(result -> throttle.succeeded(account).thenReturn(result));
    }

    private static ProblemException throttled(String account, String address, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        log.atWarn()
                .addKeyValue("account", account)
                .addKeyValue("sourceAddress", address)
                .log("login throttled for {} s", seconds);
        return ProblemType.LOGIN_THROTTLED
                .exception(
                        "Too many failed logins for this account or from this address; try again in " + seconds + " s.")
                .with("retryAfterSeconds", seconds)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    /** The caller's source address, as the throttle and the log name it. */
    public static String address(ServerRequest request) {
        return AuditContext.sourceAddress(request.exchange());
    }
}
