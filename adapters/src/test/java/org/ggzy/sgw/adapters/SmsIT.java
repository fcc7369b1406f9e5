package org.ggzy.sgw.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import org.ggzy.sgw.adapters.DeliveryResult.Status;
import org.junit.jupiter.api.Test;

/** The SMS gateway: the message it gets, its recipient, and the per-recipient cap (3 per minute here). */
class SmsIT extends AdapterITSupport {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void shouldTextTheRecipientAboutTheWarning() throws Exception {
        String mobile = Samples.mobile();
        Delivery delivery = Samples.warningTo("sms", Samples.id("d-"), Map.of("recipient", mobile));

        DeliveryResult result = send(delivery);

        assertThat(result.status()).isEqualTo(Status.DELIVERED);
        JsonNode message = json.readTree(received("sms", delivery.id()).get(0).getBodyAsString());
        assertThat(message.path("recipient").asText()).isEqualTo(mobile);
        assertThat(message.path("reference").asText()).isEqualTo(delivery.id());
        assertThat(message.path("text").asText()).isEqualTo("[RED] P11 E3501000717002688002001: 中标价明显低于招标控制价");
    }

    @Test
    void shouldSendTheTextTheGatewayWrote() throws Exception {
        Delivery delivery = Samples.warningTo(
                "sms", Samples.id("d-"), Map.of("recipient", Samples.mobile(), "text", "请及时处理预警 W-1"));

        assertThat(send(delivery).status()).isEqualTo(Status.DELIVERED);

        JsonNode message = json.readTree(received("sms", delivery.id()).get(0).getBodyAsString());
        assertThat(message.path("text").asText()).isEqualTo("请及时处理预警 W-1");
    }

    @Test
    void shouldRefuseWithoutSendingWhenThereIsNoRecipient() throws Exception {
        Delivery delivery = Samples.warningTo("sms", Samples.id("d-"), Map.of());

        DeliveryResult result = send(delivery);

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(result.cause()).startsWith("undeliverable: no recipient");
        assertThat(received("sms", delivery.id())).isEmpty();
    }

    @Test
    void shouldHoldBackARecipientOverTheCapButNotOthers() throws Exception {
        String mobile = Samples.mobile();
        for (int i = 0; i < 3; i++) {
            Delivery delivery = Samples.warningTo("sms", Samples.id("d-"), Map.of("recipient", mobile));
            assertThat(send(delivery).status()).isEqualTo(Status.DELIVERED);
        }
        Delivery fourth = Samples.warningTo("sms", Samples.id("d-"), Map.of("recipient", mobile));
        Delivery other = Samples.warningTo("sms", Samples.id("d-"), Map.of("recipient", Samples.mobile()));

        DeliveryResult capped = send(fourth);

        assertThat(capped.status()).isEqualTo(Status.RETRY);
        assertThat(capped.cause()).startsWith("rate cap").doesNotContain(mobile);
        assertThat(received("sms", fourth.id())).isEmpty();
        assertThat(send(other).status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void shouldBeRefusedByTheFakeWhenATextCarriesAnUnmaskedIdentityNumber() throws Exception {
        Delivery delivery = Samples.warningTo(
                "sms", Samples.id("d-"), Map.of("recipient", Samples.mobile(), "text", "专家 350102198203154512 回避"));

        DeliveryResult result = send(delivery);

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(result.httpStatus()).isEqualTo(422);
    }
}
