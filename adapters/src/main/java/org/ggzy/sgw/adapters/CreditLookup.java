package org.ggzy.sgw.adapters;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The request-reply lookup of a party in the credit database: cached, and protected by a circuit breaker. Empty when
 * the credit database cannot answer (down, breaker open, timeout): the caller goes on without the check.
 */
public interface CreditLookup {

    CompletableFuture<Optional<CreditStatus>> lookup(String partyCode);
}
