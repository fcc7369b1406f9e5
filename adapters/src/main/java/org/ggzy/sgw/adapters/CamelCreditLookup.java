package org.ggzy.sgw.adapters;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * The credit lookup on the route {@code adapter.credit.lookup}: answers (dishonest or not) are cached for the
 * configured time, and concurrent lookups of one party share one request. A failure (credit database down, timeout,
 * malformed answer, breaker open) answers empty and is not cached.
 */
public class CamelCreditLookup implements CreditLookup {

    private static final Pattern PARTY_CODE = Pattern.compile("[0-9A-Za-z-]{1,64}");

    private final RouteDispatcher dispatcher;
    private final CreditProperties properties;
    private final CircuitBreaker breaker;
    private final AsyncCache<String, CreditStatus> answers;

    CamelCreditLookup(RouteDispatcher dispatcher, CreditProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.breaker = properties
                .breaker()
                .circuitBreaker(
                        "adapter.credit.lookup", answer -> answer instanceof Optional<?> given && given.isEmpty());
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(properties.cacheSize())
                .buildAsync();
    }

    @Override
    public CompletableFuture<Optional<CreditStatus>> lookup(String partyCode) {
        if (partyCode == null || !PARTY_CODE.matcher(partyCode).matches()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return answers.get(partyCode, (code, executor) -> query(code))
                .handle((answer, error) -> Optional.ofNullable(error == null ? answer : null));
    }

    /** The state of the lookup's circuit breaker. */
    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /** Asks the credit database; completes with {@code null} when it gave no answer (never exceptionally). */
    private CompletableFuture<CreditStatus> query(String code) {
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.completedFuture(null);
        }
        long start = breaker.getCurrentTimestamp();
        return dispatcher
                .request(
                        CreditRoute.LOOKUP,
                        exchange -> exchange.setProperty(CreditRoute.PARTY_CODE, code),
                        properties.lookupDeadline())
                .handle(CamelCreditLookup::answer)
                .whenComplete((answer, error) -> breaker.onResult(
                        breaker.getCurrentTimestamp() - start,
                        breaker.getTimestampUnit(),
                        Optional.ofNullable(answer)));
    }

    private static CreditStatus answer(Exchange exchange, Throwable error) {
        if (error != null || exchange.getException() != null) {
            return null;
        }
        return exchange.getMessage().getBody() instanceof CreditStatus status ? status : null;
    }
}
