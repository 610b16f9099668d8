package vn.motcua.platform.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.platform.cluster.ClusterSignals;

/**
 * The throttle and its store: in PostgreSQL by default ({@code motcua.throttle.store=postgres}), so that every node
 * of a cluster counts the same attempts; {@code memory} keeps them in this node's memory (one node only). A bean of
 * type {@link ThrottleStore} replaces either.
 */
@Configuration(proxyBeanMethods = false)
class ThrottleConfiguration {

    @Bean
    ClientAddress clientAddress(ThrottleProperties properties) {
        return new ClientAddress(properties.trustedProxies());
    }

    @Bean
    @ConditionalOnMissingBean(ThrottleStore.class)
    ThrottleStore throttleStore(ThrottleProperties p, Clock clock, JdbcClient jdbc, TransactionTemplate tx,
                                @Value("${motcua.throttle.store:postgres}") String kind) {
        Duration longestPeriod = Stream.of(p.tracking().wrongPerClient(), p.tracking().wrongPerCode(),
                        p.signIn().failuresPerClient(), p.search(), p.assistant())
                .map(Limit::period).max(Duration::compareTo).orElseThrow();
        Duration longestPenalty = Stream.of(p.tracking().codeLock(), p.signIn().maxLock(), p.signIn().forgetAfter())
                .max(Duration::compareTo).orElseThrow();
        return switch (kind) {
            case "postgres" -> new PostgresThrottleStore(jdbc, tx, clock, longestPenalty);
            case "memory" -> new InMemoryThrottleStore(clock, p.maxKeys(), longestPeriod, longestPenalty);
            default -> throw new IllegalStateException("motcua.throttle.store is postgres or memory, not " + kind);
        };
    }

    @Bean
    Throttle throttle(ThrottleProperties properties, ThrottleStore store, ClientAddress clients, Clock clock,
                      ObjectProvider<ClusterSignals> signals) {
        return new Throttle(properties, store, clients, clock, signals.getIfAvailable(() -> ClusterSignals.NONE));
    }
}
