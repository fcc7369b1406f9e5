package org.ggzy.sgw.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.ggzy.sgw.adapters.DeliveryResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each HTTP destination against its fake: what is sent, and what each kind of answer or failure comes to. */
class HttpDeliveryIT extends AdapterITSupport {

    @ParameterizedTest
    @ValueSource(strings = {"provincial", "credit", "remote-evaluation", "sms", "webhook"})
    void shouldDeliverWithTheIdempotencyKeyWhenTheSystemAccepts(String destination) throws Exception {
        Delivery delivery = Samples.to(destination, Samples.id("d-"));

        DeliveryResult result = send(delivery);

        assertThat(result.status()).as(String.valueOf(result)).isEqualTo(Status.DELIVERED);
        assertThat(result.httpStatus()).isBetween(200, 299);
        List<LoggedRequest> received = received(destination, delivery.id());
        assertThat(received).hasSize(1);
        LoggedRequest request = received.get(0);
        assertThat(request.getHeader("X-Sgw-Kind")).isEqualTo(delivery.kind());
        assertThat(request.getHeader("X-Sgw-Dataset")).isEqualTo(delivery.dataset());
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    }

    static Stream<Arguments> failures() {
        return Stream.of("provincial", "credit", "remote-evaluation", "sms", "webhook")
                .flatMap(destination -> Stream.of(
                        Arguments.of(destination, "sim-500-", Status.RETRY, "HTTP 500"),
                        Arguments.of(destination, "sim-503-", Status.RETRY, "HTTP 503"),
                        Arguments.of(destination, "sim-429-", Status.RETRY, "HTTP 429"),
                        Arguments.of(destination, "sim-408-", Status.RETRY, "HTTP 408"),
                        Arguments.of(destination, "sim-400-", Status.REFUSED, "HTTP 400"),
                        Arguments.of(destination, "sim-409-", Status.REFUSED, "HTTP 409"),
                        Arguments.of(destination, "sim-slow-", Status.RETRY, "timeout"),
                        Arguments.of(destination, "sim-reset-", Status.RETRY, "connection reset"),
                        Arguments.of(destination, "sim-drop-", Status.RETRY, "connection closed")));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("failures")
    void shouldMapEachFailureToRetryOrRefusal(String destination, String prefix, Status expected, String cause)
            throws Exception {
        Delivery delivery = Samples.to(destination, Samples.id(prefix));

        DeliveryResult result = send(delivery);

        assertThat(result.status()).as(String.valueOf(result)).isEqualTo(expected);
        assertThat(result.cause()).startsWith(cause);
        // the destination did get it: a retry after this is the ambiguous case the idempotency key is for
        await().atMost(Duration.ofSeconds(WAIT)).untilAsserted(() -> assertThat(received(destination, delivery.id()))
                .hasSize(1));
    }

    @Test
    void shouldSendTheSameKeyAgainOnlyAfterAFailureUntilTheSystemRecovers() throws Exception {
        FakeSystems.server("provincial").resetScenarios();
        Delivery delivery = Samples.to("provincial", Samples.id("sim-flaky-"));

        DeliveryResult first = send(delivery);
        DeliveryResult second = send(delivery);
        DeliveryResult third = send(delivery);

        assertThat(List.of(first.status(), second.status(), third.status()))
                .containsExactly(Status.RETRY, Status.RETRY, Status.DELIVERED);
        assertThat(received("provincial", delivery.id())).hasSize(3);
    }

    @Test
    void shouldNeverBlockTheCallerWhileTheSystemIsSlow() throws Exception {
        Delivery delivery = Samples.to("provincial", Samples.id("sim-slow-"));

        CompletableFuture<DeliveryResult> future = port.send(delivery);

        assertThat(future).isNotDone();
        assertThat(future.get(WAIT, SECONDS).cause()).startsWith("timeout");
    }

    @Test
    void shouldBeRefusedWhenTheRequestDoesNotMatchTheContract() throws Exception {
        Delivery record = Samples.record("remote-evaluation", Samples.id("d-"), "gcjs.win-result", "valid-award.json");

        DeliveryResult result = send(record);

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(result.cause()).startsWith("HTTP 400").contains("does not match the remote-evaluation contract");
    }

    @Test
    void shouldRefuseADestinationThatHasNoRoute() throws Exception {
        Delivery delivery = Samples.record("kafka", Samples.id("d-"), "gcjs.win-result", "valid-award.json");

        DeliveryResult result = send(delivery);

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(port.destinations())
                .containsExactlyInAnyOrder("provincial", "credit", "remote-evaluation", "sms", "webhook");
    }
}
