package vn.motcua.privacy.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Set;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.motcua.platform.MotcuaProperties;

/**
 * The key-encryption key (KEK): a Tink AES-256-GCM keyset that wraps the data keys and never enters the database.
 * From, in this order: {@code motcua.privacy.kek} (environment {@code MOTCUA_PRIVACY_KEK}: the keyset as Tink JSON, or
 * that JSON in base64), {@code motcua.privacy.kek-file} (a Tink JSON keyset file, e.g. on a mounted secret volume), or
 * in demo mode {@code <data-dir>/privacy/kek.json}, generated at first use (owner-only permissions). Without any of
 * them outside demo mode nothing can be encrypted: the first write that needs it fails, and start-up says so.
 * The keyset may hold several keys: the primary wraps, every key unwraps, so a new KEK key is added beside the old
 * ones (rotation) and the old ones are dropped once no data key is wrapped by them.
 */
@Component
class Kek {

    private static final Logger log = LoggerFactory.getLogger(Kek.class);

    private final String inline;
    private final Path file;
    private final boolean generate;
    private volatile KeysetHandle handle;
    private volatile Aead aead;

    /** Another node rotated or pruned the shared keyset file: read it again at next use. */
    static final String SIGNAL = "privacy-kek";
    private final vn.motcua.platform.cluster.ClusterSignals signals;

    Kek(MotcuaProperties properties, Environment env, vn.motcua.platform.cluster.ClusterSignals signals) {
        this.signals = signals;
        signals.on(SIGNAL, this::forget);
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.inline = env.getProperty("motcua.privacy.kek");
        String configured = env.getProperty("motcua.privacy.kek-file");
        this.generate = properties.demo();
        this.file = configured != null && !configured.isBlank() ? Path.of(configured)
                : properties.dataDir().resolve("privacy").resolve("kek.json");
        if (!properties.demo() && (inline == null || inline.isBlank()) && !Files.exists(file)) {
            log.warn("no key-encryption key: set motcua.privacy.kek (MOTCUA_PRIVACY_KEK) or motcua.privacy.kek-file "
                    + "({} does not exist); attachments cannot be stored until one is set", file);
        }
    }

    /** The keyset, loaded (or in demo mode generated) at first use. */
    synchronized KeysetHandle handle() {
        if (handle == null) {
            try {
                set(load());
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("key-encryption key unusable: " + e.getMessage(), e);
            }
        }
        return handle;
    }

    Aead aead() {
        handle();
        return aead;
    }

    long primaryId() {
        return Integer.toUnsignedLong(handle().getPrimary().getId());
    }

    /** Whether the application may change the keyset (a file it owns), i.e. rotate the KEK itself. */
    boolean rotatable() {
        return inline == null || inline.isBlank();
    }

    /** A new primary key beside the old ones, written back to the file (atomically). */
    synchronized long rotate() throws IOException, GeneralSecurityException {
        if (!rotatable()) {
            throw new IllegalStateException("the KEK comes from the environment: add a key there and restart");
        }
        KeysetHandle next = KeysetHandle.newBuilder(handle())
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary())
                .build();
        write(next);
        set(next);
        signals.announce(SIGNAL);
        return primaryId();
    }

    /** Drops the keys other than the primary that no data key uses any more; returns how many were dropped. */
    synchronized int dropUnused(Set<Long> inUse) throws IOException, GeneralSecurityException {
        if (!rotatable()) {
            return 0;
        }
        KeysetHandle.Builder b = KeysetHandle.newBuilder(handle());
        int dropped = 0;
        for (int i = b.size() - 1; i >= 0; i--) {
            var e = handle.getAt(i);
            if (!e.isPrimary() && !inUse.contains(Integer.toUnsignedLong(e.getId()))) {
                b.deleteAt(i);
                dropped++;
            }
        }
        if (dropped > 0) {
            KeysetHandle next = b.build();
            write(next);
            set(next);
            signals.announce(SIGNAL);
        }
        return dropped;
    }

    int size() {
        return handle().size();
    }

    /** Whether a KEK is set (inline, or its file exists); in demo mode a missing file is generated at first use. */
    boolean configured() {
        return !rotatable() || Files.exists(file);
    }

    /** Where the KEK comes from, for messages (never the key). */
    String source() {
        return rotatable() ? "file " + file.toAbsolutePath() : "motcua.privacy.kek (MOTCUA_PRIVACY_KEK)";
    }

    /** The Tink ids of the keyset's keys. */
    Set<Long> keyIds() {
        KeysetHandle h = handle();
        Set<Long> ids = new java.util.TreeSet<>();
        for (int i = 0; i < h.size(); i++) {
            ids.add(Integer.toUnsignedLong(h.getAt(i).getId()));
        }
        return ids;
    }

    /**
     * Fails, naming them, when the keyset lacks any of the KEK keys {@code needed} (KEK key id to what it wraps). A
     * file is read again first: another node may have rotated it and its signal not be here yet. A node whose keyset
     * differs from the cluster's must say so, never wrap a new data key the other nodes cannot unwrap.
     */
    void requireHolds(java.util.Map<Long, ? extends java.util.Collection<String>> needed) {
        if (needed.isEmpty()) {
            return;
        }
        Set<Long> missing = missing(needed.keySet());
        if (!missing.isEmpty() && rotatable()) {
            forget();
            missing = missing(needed.keySet());
        }
        if (!missing.isEmpty()) {
            StringBuilder m = new StringBuilder("the key-encryption key (" + source() + ", KEK keys " + keyIds()
                    + ") does not hold ");
            String sep = "";
            for (Long id : missing) {
                m.append(sep).append("KEK key ").append(id).append(" (wrapping ")
                        .append(String.join(", ", needed.get(id))).append(')');
                sep = "; ";
            }
            m.append(": every node sharing the database must use the same KEK keyset (MOTCUA_PRIVACY_KEK or "
                    + "motcua.privacy.kek-file)");
            throw new IllegalStateException(m.toString());
        }
    }

    private Set<Long> missing(Set<Long> needed) {
        Set<Long> have = keyIds();
        Set<Long> missing = new java.util.TreeSet<>(needed);
        missing.removeAll(have);
        return missing;
    }

    /** Reads the keyset file again at next use (it was changed by another node of the cluster). */
    synchronized void forget() {
        if (rotatable()) {
            handle = null;
        }
    }

    private void set(KeysetHandle h) throws GeneralSecurityException {
        this.aead = h.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.handle = h;
    }

    private KeysetHandle load() throws IOException, GeneralSecurityException {
        if (inline != null && !inline.isBlank()) {
            String json = inline.strip().startsWith("{") ? inline.strip()
                    : new String(Base64.getMimeDecoder().decode(inline.strip()), StandardCharsets.UTF_8);
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        }
        if (!Files.exists(file)) {
            if (!generate) {
                throw new IllegalStateException("no key-encryption key: set motcua.privacy.kek (MOTCUA_PRIVACY_KEK) "
                        + "or motcua.privacy.kek-file (" + file + " does not exist)");
            }
            KeysetHandle h = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            if (createIfAbsent(h)) {
                log.info("demo key-encryption key generated in {}", file);
                return h;
            }
            // another node sharing the file (cluster.sh starts them together) wrote it first: use that one
            log.info("demo key-encryption key written by another node meanwhile: using {}", file);
        }
        return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
    }

    /**
     * Writes a new keyset only if there is none yet, atomically (a hard link to a complete temporary file fails if the
     * name exists), so that nodes generating one at the same moment end up with the same KEK; false when one existed.
     */
    private boolean createIfAbsent(KeysetHandle h) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".new");
        try {
            Files.writeString(tmp, TinkJsonProtoKeysetFormat.serializeKeyset(h, InsecureSecretKeyAccess.get()));
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.createLink(file, tmp);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void write(KeysetHandle h) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, TinkJsonProtoKeysetFormat.serializeKeyset(h, InsecureSecretKeyAccess.get()));
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
