package org.ggzy.sgw.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One call of the port is one attempt: a route whose request fails is not redelivered by Camel (the gateway's outbox
 * counts attempts and schedules the next one), and the failure comes back as the outcome, not as an exception.
 */
@CamelSpringBootTest
@SpringBootTest(
        classes = TestApplication.class,
        properties = {"sgw.adapters.provincial.enabled=true", "sgw.adapters.provincial.base-url=http://localhost:9"})
class OneAttemptIT {

    @Autowired
    CamelContext camel;

    @Autowired
    DeliveryPort port;

    @Test
    void shouldMakeOneAttemptAndReportItsFailure() throws Exception {
        AdviceWith.adviceWith(camel, "adapter.provincial.send", route -> route.interceptSendToEndpoint("vertx-http:*")
                .skipSendToOriginalEndpoint()
                .to("mock:provincial")
                .throwException(new ConnectException("Connection refused: localhost/127.0.0.1:9")));
        MockEndpoint attempts = camel.getEndpoint("mock:provincial", MockEndpoint.class);
        attempts.expectedMessageCount(1);
        attempts.expectedHeaderReceived("Idempotency-Key", "one-attempt-1");
        attempts.setAssertPeriod(500); // and no redelivery after it
        NotifyBuilder handled = new NotifyBuilder(camel)
                .fromRoute("adapter.provincial.send")
                .whenCompleted(1)
                .create();

        DeliveryResult result =
                port.send(Samples.to("provincial", "one-attempt-1")).get(10, TimeUnit.SECONDS);

        assertThat(result)
                .isEqualTo(DeliveryResult.retry("connection refused: Connection refused: localhost/127.0.0.1:9", null));
        attempts.assertIsSatisfied();
        assertThat(handled.matches(5, TimeUnit.SECONDS))
                .as("the shared error handling turned the failure into the outcome")
                .isTrue();
    }
}
