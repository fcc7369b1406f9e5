package org.ggzy.sgw.adapters;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The adapters, for any application with this module on its class path: a route per destination whose
 * {@code sgw.adapters.<destination>.enabled} is true (none by default), the {@link DeliveryPort} over them, and the
 * {@link CreditLookup} (always answering empty while the credit database is not enabled).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@EnableConfigurationProperties({
    DispatchProperties.class,
    ProvincialProperties.class,
    CreditProperties.class,
    RemoteEvaluationProperties.class,
    SmsProperties.class,
    WebhookProperties.class,
    KafkaProperties.class
})
public class AdaptersAutoConfiguration {

    private static final String PREFIX = "sgw.adapters.";

    @Bean
    AdapterErrorHandling adapterErrorHandling() {
        return new AdapterErrorHandling();
    }

    @Bean(destroyMethod = "stop")
    RouteDispatcher adapterRouteDispatcher(CamelContext camel, DispatchProperties properties) {
        return new RouteDispatcher(camel, properties);
    }

    @Bean
    @ConditionalOnMissingBean(DeliveryPort.class)
    CamelDeliveryPort camelDeliveryPort(
            RouteDispatcher dispatcher, ObjectProvider<DestinationRoute> routes, ObjectProvider<Clock> clock) {
        return new CamelDeliveryPort(
                dispatcher, routes.orderedStream().toList(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean(CreditLookup.class)
    CreditLookup creditLookup(RouteDispatcher dispatcher, CreditProperties properties) {
        if (properties.enabled()) {
            return new CamelCreditLookup(dispatcher, properties);
        }
        return partyCode -> CompletableFuture.completedFuture(Optional.empty());
    }

    @Bean
    @ConditionalOnProperty(prefix = PREFIX + "provincial", name = "enabled", havingValue = "true")
    ProvincialRoute provincialRoute(ProvincialProperties properties) {
        return new ProvincialRoute(properties);
    }

    @Bean
    @ConditionalOnProperty(prefix = PREFIX + "credit", name = "enabled", havingValue = "true")
    CreditRoute creditRoute(CreditProperties properties) {
        return new CreditRoute(properties);
    }

    @Bean
    @ConditionalOnProperty(prefix = PREFIX + "remote-evaluation", name = "enabled", havingValue = "true")
    RemoteEvaluationRoute remoteEvaluationRoute(RemoteEvaluationProperties properties) {
        return new RemoteEvaluationRoute(properties);
    }

    @Bean
    @ConditionalOnProperty(prefix = PREFIX + "sms", name = "enabled", havingValue = "true")
    SmsRoute smsRoute(SmsProperties properties) {
        return new SmsRoute(properties);
    }

    @Bean
    @ConditionalOnProperty(prefix = PREFIX + "webhook", name = "enabled", havingValue = "true")
    WebhookRoute webhookRoute(WebhookProperties properties) {
        return new WebhookRoute(properties);
    }

    @Bean
    @ConditionalOnProperty(prefix = PREFIX + "kafka", name = "enabled", havingValue = "true")
    KafkaRoute kafkaRoute(KafkaProperties properties) {
        return new KafkaRoute(properties);
    }
}
