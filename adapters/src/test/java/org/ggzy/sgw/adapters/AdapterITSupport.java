package org.ggzy.sgw.adapters;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The HTTP adapters against the fakes of their systems: all five enabled, with short timeouts (the fakes' slow
 * answers take 5 s) and breakers that a test's few failures do not open (BreakerIT opens them on purpose).
 */
@CamelSpringBootTest
@SpringBootTest(
        classes = TestApplication.class,
        properties = {
            "sgw.adapters.provincial.enabled=true",
            "sgw.adapters.credit.enabled=true",
            "sgw.adapters.remote-evaluation.enabled=true",
            "sgw.adapters.sms.enabled=true",
            "sgw.adapters.webhook.enabled=true",
            "sgw.adapters.provincial.response-timeout=1s",
            "sgw.adapters.credit.response-timeout=1s",
            "sgw.adapters.credit.lookup-timeout=1s",
            "sgw.adapters.remote-evaluation.response-timeout=1s",
            "sgw.adapters.sms.response-timeout=1s",
            "sgw.adapters.webhook.response-timeout=1s",
            "sgw.adapters.provincial.breaker.minimum-calls=1000",
            "sgw.adapters.credit.breaker.minimum-calls=1000",
            "sgw.adapters.remote-evaluation.breaker.minimum-calls=1000",
            "sgw.adapters.sms.breaker.minimum-calls=1000",
            "sgw.adapters.webhook.breaker.minimum-calls=1000",
            "sgw.adapters.sms.rate-cap.max=3",
        })
abstract class AdapterITSupport {

    static final long WAIT = 10;
    static final TimeUnit SECONDS = TimeUnit.SECONDS;

    @Autowired
    DeliveryPort port;

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        FakeSystems.register(registry);
    }

    /** The deliveries the fake of {@code destination} received with this idempotency key. */
    static List<LoggedRequest> received(String destination, String id) {
        return FakeSystems.server(destination)
                .findAll(postRequestedFor(urlPathEqualTo(Samples.path(destination)))
                        .withHeader("Idempotency-Key", equalTo(id)));
    }

    DeliveryResult send(Delivery delivery) throws Exception {
        return port.send(delivery).get(WAIT, SECONDS);
    }
}
