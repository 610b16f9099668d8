package vn.motcua.platform.db;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded data directory startable after a crash. When the Motcua process is killed ({@code kill -9}, an
 * out-of-memory kill, a power cut of the JVM only) its embedded postmaster survives as an orphan and still holds
 * the data directory: a new postmaster refuses to start there. When both were killed, {@code postmaster.pid} is
 * left behind naming a dead process (or, after a while, an unrelated process that got the same pid).
 *
 * <p>Before the embedded server starts, {@link #clear(Path, Duration)}:
 * <ul>
 *   <li>refuses if another live Motcua holds the data directory (zonky's {@code epg-lock} file lock, released by
 *   the operating system when its holder dies, so a held lock means a live owner);</li>
 *   <li>removes a {@code postmaster.pid} whose process is gone or is not a PostgreSQL server for this directory;</li>
 *   <li>stops an orphaned postmaster of this directory with a fast shutdown (SIGINT: sessions are ended,
 *   committed work is on disk) and waits for it to exit.</li>
 * </ul>
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    static final String PID_FILE = "postmaster.pid";
    static final String LOCK_FILE = "epg-lock";

    private StalePostmaster() {
    }

    /** What was found and done, for tests and the log. */
    enum Outcome { NONE, REMOVED_STALE_PID_FILE, STOPPED_ORPHAN }

    static Outcome clear(Path dataDir, Duration stopWait) throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Outcome.NONE;
        }
        ensureNoLiveOwner(dataDir);
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        long pid = lines.isEmpty() ? -1 : parsePid(lines.get(0));
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                : Optional.empty();
        if (process.isEmpty() || !isPostmasterOf(process.get(), dataDir)) {
            Files.deleteIfExists(pidFile);
            log.warn("Removed a stale {} (pid {} is {}) left in {} by a PostgreSQL that did not stop cleanly; "
                    + "PostgreSQL recovers from its log at start", PID_FILE, pid,
                    process.isEmpty() ? "gone" : "not a PostgreSQL server of this directory", dataDir);
            return Outcome.REMOVED_STALE_PID_FILE;
        }
        log.warn("An embedded PostgreSQL (pid {}) from an earlier run still holds {}: Motcua ended without stopping "
                + "it. Stopping it (fast shutdown) before starting again.", pid, dataDir);
        ProcessHandle postmaster = process.get();
        signalFastShutdown(postmaster);
        try {
            postmaster.onExit().get(stopWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL left running from an earlier run (pid " + pid
                    + ") did not stop within " + stopWait.toSeconds() + " s; stop it, then start Motcua again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the earlier PostgreSQL (pid " + pid + ")", e);
        } catch (ExecutionException e) {
            throw new IOException(e);
        }
        // A clean shutdown removes the pid file; a remnant would name a dead process.
        Files.deleteIfExists(pidFile);
        log.info("The earlier PostgreSQL (pid {}) stopped", pid);
        return Outcome.STOPPED_ORPHAN;
    }

    private static long parsePid(String line) {
        try {
            return Long.parseLong(line.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Another live JVM using this data directory holds zonky's lock: never touch its server. */
    private static void ensureNoLiveOwner(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileOutputStream out = new FileOutputStream(lockFile.toFile(), true);
             FileLock lock = out.getChannel().tryLock()) {
            if (lock == null) {
                throw inUse(dataDir);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDir);
        }
    }

    private static IllegalStateException inUse(Path dataDir) {
        return new IllegalStateException("The database directory " + dataDir
                + " is in use by another running Motcua; stop it or use another motcua.data-dir");
    }

    /**
     * The process is a {@code postgres} executable whose {@code -D} argument (or, where arguments are not visible,
     * its working directory: the postmaster changes into its data directory) is this data directory.
     */
    static boolean isPostmasterOf(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        if (command.isEmpty()) {
            return false;
        }
        String name = Path.of(command.get()).getFileName().toString();
        if (!name.equals("postgres") && !name.equals("postgres.exe")) {
            return false;
        }
        Path dir = real(dataDir);
        Optional<String[]> args = info.arguments();
        if (args.isPresent()) {
            String[] a = args.get();
            for (int i = 0; i + 1 < a.length; i++) {
                if (a[i].equals("-D") && real(Path.of(a[i + 1])).equals(dir)) {
                    return true;
                }
            }
        }
        Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
        try {
            return Files.exists(cwd) && cwd.toRealPath().equals(dir);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** SIGINT is PostgreSQL's fast shutdown; where {@code kill} is not available, SIGTERM (smart shutdown). */
    private static void signalFastShutdown(ProcessHandle process) throws IOException {
        for (String kill : List.of("/bin/kill", "/usr/bin/kill")) {
            if (Files.isExecutable(Path.of(kill))) {
                try {
                    Process p = new ProcessBuilder(kill, "-INT", Long.toString(process.pid()))
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while signalling pid " + process.pid(), e);
                }
            }
        }
        process.destroy();
    }
}
