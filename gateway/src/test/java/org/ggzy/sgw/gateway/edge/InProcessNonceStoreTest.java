package org.ggzy.sgw.gateway.edge;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class InProcessNonceStoreTest {

    @Test
    void shouldAcceptANonceOncePerPlatform() {
        InProcessNonceStore store = new InProcessNonceStore();
        Duration ttl = Duration.ofMinutes(10);
        StepVerifier.create(store.claim("A", "n1", ttl)).expectNext(true).verifyComplete();
        StepVerifier.create(store.claim("A", "n1", ttl)).expectNext(false).verifyComplete();
        StepVerifier.create(store.claim("B", "n1", ttl)).expectNext(true).verifyComplete();
    }
}
