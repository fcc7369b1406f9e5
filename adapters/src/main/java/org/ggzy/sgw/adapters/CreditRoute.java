package org.ggzy.sgw.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * The credit database. {@code adapter.credit.send}: outbound events (win results, contracts, complaint decisions, RED
 * warnings against a subject), posted as JSON. {@code adapter.credit.lookup}: {@code GET <lookup-path>/<party code>}
 * answering {@code {partyCode, dishonest, records: [...]}}; the body becomes a {@link CreditStatus} (a 404 is a party
 * the database holds nothing against), or stays {@code null} when the database gave no answer.
 */
class CreditRoute extends HttpDestinationRoute {

    /** The endpoint of the lookup. */
    static final String LOOKUP = "direct:adapter.credit.lookup";

    /** The exchange property holding the party code to look up. */
    static final String PARTY_CODE = "sgw.partyCode";

    private final CreditProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    CreditRoute(CreditProperties properties) {
        super("credit", properties);
        this.properties = properties;
    }

    @Override
    public void configure() {
        super.configure();
        from(LOOKUP)
                .routeId(routeId("lookup"))
                .routeConfigurationId(AdapterErrorHandling.ID)
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_PATH, exchangeProperty(PARTY_CODE))
                .setHeader("Accept", constant("application/json"))
                .to(properties.lookupUri())
                .process(this::answer);
    }

    private void answer(Exchange exchange) throws IOException {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String code = exchange.getProperty(PARTY_CODE, String.class);
        if (status != null && status == 404) {
            exchange.getMessage().setBody(new CreditStatus(code, false, List.of()));
        } else if (status != null && status == 200) {
            exchange.getMessage().setBody(parse(code, exchange.getMessage().getBody(byte[].class)));
        } else {
            exchange.getMessage().setBody(null);
        }
    }

    private CreditStatus parse(String code, byte[] body) throws IOException {
        JsonNode answer = json.readTree(body);
        if (!answer.path("dishonest").isBoolean()) {
            throw new IOException("the credit database's answer has no boolean 'dishonest'");
        }
        List<String> records = new ArrayList<>();
        answer.path("records").forEach(r -> records.add(r.toString()));
        return new CreditStatus(
                answer.path("partyCode").asText(code), answer.get("dishonest").asBoolean(), records);
    }
}
