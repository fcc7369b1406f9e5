package org.ggzy.sgw.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.ggzy.sgw.adapters.DeliveryResult.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A destination that stays down opens its breaker (4 failures out of 4 here, open for an hour): its deliveries come
 * back as RETRY without reaching it, while the other destinations keep delivering.
 */
@CamelSpringBootTest
@SpringBootTest(
        classes = TestApplication.class,
        properties = {
            "sgw.adapters.provincial.enabled=true",
            "sgw.adapters.webhook.enabled=true",
            "sgw.adapters.credit.enabled=true",
            "sgw.adapters.provincial.breaker.sliding-window=4",
            "sgw.adapters.provincial.breaker.minimum-calls=4",
            "sgw.adapters.provincial.breaker.wait-in-open-state=1h",
            "sgw.adapters.credit.breaker.sliding-window=4",
            "sgw.adapters.credit.breaker.minimum-calls=4",
            "sgw.adapters.credit.breaker.wait-in-open-state=1h",
            "sgw.adapters.remote-evaluation.enabled=true",
            "sgw.adapters.remote-evaluation.breaker.sliding-window=2",
            "sgw.adapters.remote-evaluation.breaker.minimum-calls=2",
            "sgw.adapters.remote-evaluation.breaker.wait-in-open-state=1h",
        })
class BreakerIT {

    @Autowired
    CamelDeliveryPort port;

    @Autowired
    CamelCreditLookup credit;

    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        FakeSystems.register(registry);
    }

    @Test
    void shouldStopCallingADestinationThatStaysDownWhileOthersKeepFlowing() throws Exception {
        for (int i = 0; i < 4; i++) {
            DeliveryResult failed = send(Samples.to("provincial", Samples.id("sim-500-")));
            assertThat(failed.status()).isEqualTo(Status.RETRY);
            assertThat(failed.httpStatus()).isEqualTo(500);
        }
        NotifyBuilder provincialRoute = new NotifyBuilder(camel)
                .fromRoute("adapter.provincial.send")
                .whenDone(1)
                .create();
        Delivery next = Samples.to("provincial", Samples.id("d-"));

        DeliveryResult held = send(next);

        assertThat(held).isEqualTo(DeliveryResult.retry("circuit open", null));
        assertThat(port.breakerState("provincial")).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(provincialRoute.matches()).isFalse();
        assertThat(AdapterITSupport.received("provincial", next.id())).isEmpty();
        assertThat(send(Samples.to("webhook", Samples.id("d-"))).status()).isEqualTo(Status.DELIVERED);
        assertThat(port.breakerState("webhook")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldStopAskingTheCreditDatabaseWhileItStaysDown() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(credit.lookup("SIM500-" + i).get(10, TimeUnit.SECONDS)).isEmpty();
        }
        NotifyBuilder lookupRoute = new NotifyBuilder(camel)
                .fromRoute("adapter.credit.lookup")
                .whenDone(1)
                .create();

        assertThat(credit.lookup("91350100MA2YKQ8N5J").get(10, TimeUnit.SECONDS))
                .isEmpty();

        assertThat(credit.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(lookupRoute.matches()).isFalse();
        assertThat(send(Samples.to("credit", Samples.id("d-"))).status())
                .as("events have a breaker of their own")
                .isEqualTo(Status.DELIVERED);
    }

    @Test
    void shouldCountTheAttemptsOfCallersThatGaveUpWaiting() {
        for (int i = 0; i < 2; i++) {
            port.send(Samples.to("remote-evaluation", Samples.id("sim-500-"))).cancel(true);
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> port.breakerState("remote-evaluation") == CircuitBreaker.State.OPEN);
    }

    private DeliveryResult send(Delivery delivery) throws Exception {
        return port.send(delivery).get(10, TimeUnit.SECONDS);
    }
}
