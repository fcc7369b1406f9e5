package org.ggzy.sgw.adapters;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * Starts route exchanges on a bounded Camel thread pool and hands back their futures: the caller's thread only
 * enqueues. A full queue fails the future at once ({@link RejectedExecutionException}), and an exchange still running
 * after its deadline fails it with a timeout, so that every future completes.
 */
final class RouteDispatcher {

    private final ProducerTemplate template;

    RouteDispatcher(CamelContext camel, DispatchProperties properties) {
        ThreadPoolProfile profile = new ThreadPoolProfile("sgw-adapters");
        profile.setPoolSize(properties.threads());
        profile.setMaxPoolSize(properties.threads());
        profile.setMaxQueueSize(properties.queueSize());
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        ExecutorService pool = camel.getExecutorServiceManager().newThreadPool(this, "sgw-adapters", profile);
        this.template = camel.createProducerTemplate();
        this.template.setExecutorService(pool);
    }

    /** Sends a request-reply exchange to {@code endpoint}, prepared by {@code prepare}. */
    CompletableFuture<Exchange> request(String endpoint, Processor prepare, Duration deadline) {
        try {
            return template.asyncSend(endpoint, exchange -> {
                        exchange.setPattern(ExchangePattern.InOut);
                        prepare.process(exchange);
                    })
                    .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Stops the template (the pool is the Camel context's to shut down). */
    void stop() {
        template.stop();
    }
}
