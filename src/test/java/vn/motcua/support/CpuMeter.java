package vn.motcua.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time spent by this JVM and by the embedded PostgreSQL server (postmaster and every backend), read from
 * {@code /proc}. Benchmarks print CPU per operation beside throughput: on a machine shared with other jobs the wall
 * clock says how busy the machine was, CPU time says what the work itself costs. Linux only; elsewhere the
 * PostgreSQL figure is -1.
 */
public final class CpuMeter {

    /** Clock ticks per second of {@code /proc/<pid>/stat} times (USER_HZ, 100 on Linux). */
    private static final long TICKS = 100;

    /**
     * @param jvmNanos     the whole JVM process
     * @param threadsNanos the JVM's application threads (the rest of {@code jvmNanos} is the JIT compiler and GC)
     */
    public record Sample(long jvmNanos, long threadsNanos, long databaseNanos) {

        public Sample minus(Sample earlier) {
            return new Sample(jvmNanos - earlier.jvmNanos, threadsNanos - earlier.threadsNanos,
                    databaseNanos - earlier.databaseNanos);
        }

        /** "JVM x ms (y ms in application threads) + PostgreSQL z ms = t ms of CPU per op" for {@code ops} operations. */
        public String perOperation(long ops) {
            double jvm = jvmNanos / 1e6 / ops;
            double db = databaseNanos / 1e6 / ops;
            return String.format("JVM %.2f ms (%.2f ms in application threads, the rest JIT and GC) + PostgreSQL %.2f ms "
                    + "= %.2f ms of CPU per operation", jvm, threadsNanos / 1e6 / ops, db, jvm + db);
        }

        /** Operations per second the work would reach with {@code cores} cores for itself alone. */
        public double capacity(long ops, int cores) {
            return ops * cores / ((jvmNanos + databaseNanos) / 1e9);
        }
    }

    private final long postmaster;

    /** Finds the server through one of its backends: the parent of a backend is the postmaster. */
    public CpuMeter(JdbcClient jdbc) {
        long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        long parent = -1;
        try {
            parent = Long.parseLong(stat(backend)[1]);
        } catch (IOException | RuntimeException e) {
            // Not Linux: only the JVM is measured.
        }
        this.postmaster = parent;
    }

    public Sample sample() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        var threads = ManagementFactory.getThreadMXBean();
        long app = 0;
        for (long id : threads.getAllThreadIds()) {
            app += Math.max(0, threads.getThreadCpuTime(id));
        }
        return new Sample(jvm, app, postmaster < 0 ? -1 : databaseTicks() * (1_000_000_000L / TICKS));
    }

    /** Postmaster (with its exited children) plus its live children. */
    private long databaseTicks() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            long total = 0;
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                try {
                    String[] f = stat(pid);
                    if (pid == postmaster) {
                        total += ticks(f, true);
                    } else if (Long.parseLong(f[1]) == postmaster) {
                        total += ticks(f, false);
                    }
                } catch (IOException | RuntimeException e) {
                    // The process ended while we looked: its time moved to the postmaster's children time.
                }
            }
            return total;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(long pid) throws IOException {
        String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return s.substring(s.lastIndexOf(')') + 2).split(" ");
    }

    private static long ticks(String[] f, boolean withChildren) {
        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
    }
}
