package vn.motcua.reorg.internal;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The reorganisation's worker pools (batches, the reconciliation's reads, the journal writer): Spring's
 * {@link ThreadPoolTaskExecutor}, owned by the class that uses it and shut down with it; not beans, so the
 * application's own task executor stays the one Spring Boot configures.
 */
final class ReorgWorkers {

    private ReorgWorkers() {
    }

    static ThreadPoolTaskExecutor pool(String prefix, int threads) {
        ThreadPoolTaskExecutor t = new ThreadPoolTaskExecutor();
        t.setThreadNamePrefix(prefix);
        t.setCorePoolSize(Math.max(1, threads));
        t.setMaxPoolSize(Math.max(1, threads));
        t.setDaemon(true);
        t.setAllowCoreThreadTimeOut(true);
        t.setKeepAliveSeconds(60);
        t.initialize();
        return t;
    }
}
