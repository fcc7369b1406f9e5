package org.ggzy.sgw.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.ggzy.sgw.adapters.DeliveryResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomesTest {

    @ParameterizedTest
    @CsvSource({
        "200, DELIVERED",
        "202, DELIVERED",
        "204, DELIVERED",
        "408, RETRY",
        "429, RETRY",
        "500, RETRY",
        "502, RETRY",
        "503, RETRY",
        "504, RETRY",
        "301, REFUSED",
        "400, REFUSED",
        "401, REFUSED",
        "404, REFUSED",
        "409, REFUSED",
        "422, REFUSED"
    })
    void shouldMapEveryAnswerByItsStatus(int status, Status expected) {
        DeliveryResult result = Outcomes.forStatus(status, "{\"detail\":\"x\"}");

        assertThat(result.status()).isEqualTo(expected);
        assertThat(result.httpStatus()).isEqualTo(status);
    }

    @Test
    void shouldQuoteTheAnswerInTheCauseButNotAtAnyLength() {
        DeliveryResult result = Outcomes.forStatus(400, "x".repeat(1000));

        assertThat(result.cause()).startsWith("HTTP 400: xxx").hasSizeLessThanOrEqualTo(300);
    }

    @Test
    void shouldRetryAfterATimeoutARefusedConnectionOrAFullQueue() {
        assertThat(Outcomes.forFailure(new IllegalStateException("wrapped", new TimeoutException("5000 ms"))))
                .isEqualTo(DeliveryResult.retry("timeout: 5000 ms", null));
        assertThat(Outcomes.forFailure(new ConnectException("Connection refused: localhost/127.0.0.1:1")))
                .isEqualTo(DeliveryResult.retry("connection refused: Connection refused: localhost/127.0.0.1:1", null));
        assertThat(Outcomes.forFailure(new RejectedExecutionException()).cause())
                .isEqualTo("busy");
    }

    @Test
    void shouldRefuseWhatNoAttemptCanDeliver() {
        assertThat(Outcomes.forFailure(new UndeliverableException("no recipient"))
                        .status())
                .isEqualTo(Status.REFUSED);
        assertThat(Outcomes.forFailure(new IllegalStateException(new RecordTooLargeException("too large")))
                        .status())
                .isEqualTo(Status.REFUSED);
    }
}
