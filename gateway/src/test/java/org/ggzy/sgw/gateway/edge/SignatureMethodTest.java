package org.ggzy.sgw.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignatureMethodTest {

    @Test
    void shouldComputeSm3AsTheStandardSays() {
        // GB/T 32905-2016 example 1
        assertThat(SignatureMethod.HMAC_SM3.digestHex("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void shouldComputeHmacsAsOpensslDoes() {
        // printf abc | openssl dgst -sm3 -hmac key -binary | base64
        assertThat(Base64.getEncoder().encodeToString(SignatureMethod.HMAC_SM3.hmac("key", "abc")))
                .isEqualTo("KOYyVufFoIex8HMmXcUwkhY/e4JylzXQbyjxCvnVI5M=");
        // RFC 4231 test case 2
        assertThat(SignatureMethod.HMAC_SHA256.hmac("Jefe", "what do ya want for nothing?"))
                .asHexString()
                .isEqualToIgnoringCase("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void shouldBuildTheCanonicalStringWithoutTrailingNewline() {
        assertThat(SignatureMethod.canonical("POST", "/api/v1/push/gcjs.tender-notice", "1", "n", "d"))
                .isEqualTo("POST\n/api/v1/push/gcjs.tender-notice\n1\nn\nd");
    }

    @Test
    void shouldDefaultToHmacSha256AndRefuseUnknownMethods() {
        assertThat(SignatureMethod.fromHeader(null)).contains(SignatureMethod.HMAC_SHA256);
        assertThat(SignatureMethod.fromHeader("hmac-sm3")).contains(SignatureMethod.HMAC_SM3);
        assertThat(SignatureMethod.fromHeader("HMAC-MD5")).isEmpty();
    }
}
