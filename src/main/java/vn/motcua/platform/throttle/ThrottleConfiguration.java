package vn.motcua.platform.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The throttle and its store: in memory by default; a bean of type {@link ThrottleStore} replaces it. */
@Configuration(proxyBeanMethods = false)
class ThrottleConfiguration {

    @Bean
    ClientAddress clientAddress(ThrottleProperties properties) {
        return new ClientAddress(properties.trustedProxies());
    }

    @Bean
    @ConditionalOnMissingBean(ThrottleStore.class)
    ThrottleStore inMemoryThrottleStore(ThrottleProperties p, Clock clock) {
        Duration longestPeriod = Stream.of(p.tracking().wrongPerClient(), p.tracking().wrongPerCode(),
                        p.signIn().failuresPerClient(), p.search(), p.assistant())
                .map(Limit::period).max(Duration::compareTo).orElseThrow();
        Duration longestPenalty = Stream.of(p.tracking().codeLock(), p.signIn().maxLock(), p.signIn().forgetAfter())
                .max(Duration::compareTo).orElseThrow();
        return new InMemoryThrottleStore(clock, p.maxKeys(), longestPeriod, longestPenalty);
    }

    @Bean
    Throttle throttle(ThrottleProperties properties, ThrottleStore store, ClientAddress clients, Clock clock) {
        return new Throttle(properties, store, clients, clock);
    }
}
