package org.ggzy.sgw.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ggzy.sgw.gateway.platform.PlatformCredentials;
import org.ggzy.sgw.gateway.platform.PlatformService;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PlatformSignatureGatewayFilterFactoryTest {

    static final Instant NOW = Instant.parse("2027-07-01T00:00:00Z");
    static final String CODE = "91350000MA347WHE48";
    static final String PATH = "/api/v1/push/records?dataset=gcjs.tender-notice&dataKey=K";

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final PlatformService platforms = mock(PlatformService.class);
    final TestPlatform signer = new TestPlatform(null, CODE, "the-secret");
    final AtomicBoolean passed = new AtomicBoolean();

    GatewayFilter filter(Instant v1Until) {
        return new PlatformSignatureGatewayFilterFactory(
                        platforms, new InProcessNonceStore(), clock, new EdgeProperties(v1Until))
                .apply(new PlatformSignatureGatewayFilterFactory.Config());
    }

    Mono<Void> send(GatewayFilter filter, SignatureVersion version, String secret) {
        HttpHeaders headers = signer.signatureHeaders(
                "GET",
                PATH,
                new byte[0],
                SignatureMethod.HMAC_SHA256,
                NOW.toEpochMilli(),
                TestPlatform.nonce(),
                secret,
                version);
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.get(PATH).headers(headers));
        return Mono.defer(() -> filter.filter(exchange, e -> Mono.fromRunnable(() -> passed.set(true))));
    }

    void registered(boolean enabled) {
        when(platforms.credentials(anyString()))
                .thenReturn(
                        Mono.just(new PlatformCredentials(CODE, "350000", enabled, Set.of(), List.of("the-secret"))));
    }

    @Test
    void shouldAcceptVersion1UntilItsEnd() {
        registered(true);
        StepVerifier.create(send(filter(NOW.plusSeconds(1)), SignatureVersion.V1, "the-secret"))
                .verifyComplete();
        assertThat(passed).isTrue();
    }

    @Test
    void shouldRefuseVersion1AfterItsEndButAcceptVersion2() {
        registered(true);
        GatewayFilter filter = filter(NOW);
        StepVerifier.create(send(filter, SignatureVersion.V1, "the-secret"))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.type())
                                .isEqualTo(ProblemType.SIGNATURE_INVALID))
                        .hasMessageContaining("X-Signature-Version: 2"))
                .verify();
        assertThat(passed).isFalse();
        StepVerifier.create(send(filter, SignatureVersion.V2, "the-secret")).verifyComplete();
        assertThat(passed).isTrue();
    }

    @Test
    void shouldAnswerUnknownAndDisabledPlatformsExactlyAsAWrongSignature() {
        registered(true);
        ProblemException wrong = refusal(send(filter(null), SignatureVersion.V2, "not-the-secret"));
        registered(false);
        ProblemException disabled = refusal(send(filter(null), SignatureVersion.V2, "the-secret"));
        when(platforms.credentials(anyString())).thenReturn(Mono.empty());
        ProblemException unknown = refusal(send(filter(null), SignatureVersion.V2, "the-secret"));

        assertThat(List.of(disabled, unknown)).allSatisfy(p -> {
            assertThat(p.type()).isEqualTo(wrong.type()).isEqualTo(ProblemType.SIGNATURE_INVALID);
            assertThat(p.getMessage()).isEqualTo(wrong.getMessage());
            assertThat(p.properties()).isEqualTo(wrong.properties());
        });
        assertThat(passed).isFalse();
    }

    @Test
    void shouldRefuseASigningHeaderSentTwice() {
        registered(true);
        HttpHeaders headers = signer.signatureHeaders(
                "GET",
                PATH,
                new byte[0],
                SignatureMethod.HMAC_SHA256,
                NOW.toEpochMilli(),
                TestPlatform.nonce(),
                "the-secret",
                SignatureVersion.V2);
        headers.add("X-Platform-Code", "91350100MA2YKQ3B7X");
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.get(PATH).headers(headers));
        ProblemException refused = refusal(
                Mono.defer(() -> filter(null).filter(exchange, e -> Mono.fromRunnable(() -> passed.set(true)))));

        assertThat(refused.type()).isEqualTo(ProblemType.CREDENTIALS_MISSING);
        assertThat(refused.getMessage()).contains("X-Platform-Code", "2 times");
        assertThat(passed).isFalse();
    }

    static ProblemException refusal(Mono<Void> request) {
        return (ProblemException) request.map(v -> (Throwable) null)
                .onErrorResume(Mono::just)
                .blockOptional()
                .orElseThrow();
    }
}
