package vn.motcua.privacy;

import org.springframework.stereotype.Service;
import vn.motcua.privacy.internal.KeyRing;

/**
 * Encryption at rest for other modules' stores (envelope encryption, AES-256-GCM, Google Tink): {@link #seal} before
 * writing a file's bytes (or a sensitive field), {@link #open} after reading them. The column's name
 * ({@code "table.column"}) is bound into the ciphertext, so bytes copied into another column do not decrypt there.
 * Bytes written before encryption existed come back from {@link #open} as they are (and are encrypted by the
 * background job, see {@code privacy.internal.Rotation}).
 */
@Service
public class Vault {

    private final KeyRing keys;

    Vault(KeyRing keys) {
        this.keys = keys;
    }

    /** The bytes to store: encrypted under the current data key; null stays null. */
    public byte[] seal(byte[] plain, String column) {
        return plain == null ? null : keys.encrypt(plain, column);
    }

    /** The plain bytes of what {@link #seal} gave; null stays null. */
    public byte[] open(byte[] stored, String column) {
        return stored == null ? null : keys.decrypt(stored, column);
    }

    /** Whether stored bytes are encrypted (start with the header). */
    public static boolean sealed(byte[] stored) {
        return KeyRing.isEncrypted(stored);
    }
}
