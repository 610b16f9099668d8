package vn.motcua.platform.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password authentication for the embedded PostgreSQL. zonky's initdb trusts every local connection (any local
 * user could connect as the superuser without a password); Motcua instead keeps a random password in
 * {@code <motcua.data-dir>/db-password} (mode 600, generated once, reused across restarts) and a
 * {@code pg_hba.conf} that asks for it (scram-sha-256) on the Unix socket and on 127.0.0.1/::1 — the server
 * listens on 127.0.0.1 only.
 *
 * <p>Setting the password needs a connection: on the first start of a data directory (a new one, or one from a
 * version before this), the server starts once with a pg_hba.conf that trusts only the {@code postgres} user on
 * 127.0.0.1 for the {@code postgres} database; Motcua connects, sets the password, writes the final
 * pg_hba.conf and reloads the configuration — a window of about a second, on that first start only. Deleting the
 * password file sets a new password the same way at the next start.
 */
final class EmbeddedAuthentication {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAuthentication.class);
    static final String PASSWORD_FILE = "db-password";
    static final String MARKER = "# Motcua: password authentication";
    static final String HBA = MARKER + " (scram-sha-256); written at each start, edits are replaced\n"
            + "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
            + "local   all       all                 scram-sha-256\n"
            + "host    all       all   127.0.0.1/32  scram-sha-256\n"
            + "host    all       all   ::1/128       scram-sha-256\n";
    static final String BOOTSTRAP_HBA = "# Motcua: first start of this data directory, setting the password\n"
            + "host    postgres  postgres  127.0.0.1/32  trust\n";

    private final Path passwordFile;
    private final String password;
    private final boolean newPassword;

    private EmbeddedAuthentication(Path passwordFile, String password, boolean newPassword) {
        this.passwordFile = passwordFile;
        this.password = password;
        this.newPassword = newPassword;
    }

    /** Reads the password from {@code dataDir/db-password}, or generates and writes one (mode 600). */
    static EmbeddedAuthentication load(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            ownerOnly(file);
            String pw = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!pw.isEmpty()) {
                return new EmbeddedAuthentication(file, pw, false);
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        // URL-safe base64: letters, digits, '-' and '_' only, so it needs no quoting anywhere.
        String pw = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path tmp = dataDir.resolve(PASSWORD_FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, pw + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        log.info("Generated a password for the embedded PostgreSQL in {}", file);
        return new EmbeddedAuthentication(file, pw, true);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> wanted = PosixFilePermissions.fromString("rw-------");
            if (!perms.equals(wanted)) {
                Files.setPosixFilePermissions(file, wanted);
                log.warn("{} was readable by others ({}); set to 600", file, PosixFilePermissions.toString(perms));
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to tighten.
        }
    }

    String password() {
        return password;
    }

    Path passwordFile() {
        return passwordFile;
    }

    /** Whether the server must first start with the bootstrap pg_hba.conf to set the password. */
    boolean needsBootstrap(Path pgData) throws IOException {
        return newPassword || !isSecured(pgData);
    }

    static boolean isSecured(Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(MARKER);
    }

    /** Before the server starts (after initdb): the bootstrap or the final pg_hba.conf. */
    void writeHba(Path pgData, boolean bootstrap) {
        try {
            Files.writeString(pgData.resolve("pg_hba.conf"), bootstrap ? BOOTSTRAP_HBA : HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write pg_hba.conf in " + pgData, e);
        }
    }

    /** After a bootstrap start: set the password, switch to password authentication, reload. */
    void secure(Connection trusted, Path pgData) throws SQLException {
        try (Statement st = trusted.createStatement()) {
            st.execute("set password_encryption = 'scram-sha-256'");
            // The password is URL-safe base64 (no quote can occur).
            st.execute("alter role postgres with password '" + password + "'");
            writeHba(pgData, false);
            st.execute("select pg_reload_conf()");
        }
        log.info("Embedded PostgreSQL now asks for the password in {} (scram-sha-256)", passwordFile);
    }
}
