package vn.motcua.privacy;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Service;
import vn.motcua.privacy.internal.IndexKey;
import vn.motcua.privacy.internal.KeyRing;

/**
 * Encryption at rest for other modules' stores (envelope encryption, AES-256-GCM, Google Tink): {@link #seal} before
 * writing a file's bytes (or a sensitive field), {@link #open} after reading them. The column's name
 * ({@code "table.column"}) is bound into the ciphertext, so bytes copied into another column do not decrypt there.
 * Bytes written before encryption existed come back from {@link #open} as they are (and are encrypted by the
 * background job, see {@code privacy.internal.Rotation}). Sensitive text fields: {@link #sealText}, {@link #openText};
 * where SQL must find rows by such a field's value, store its {@link #blindIndex} beside it and compare that.
 */
@Service
public class Vault {

    /** The blind index of personal ID numbers (and tax codes), the same in every table. */
    public static final String PERSONAL_ID = "personal_id";

    private final KeyRing keys;
    private final IndexKey index;

    Vault(KeyRing keys, IndexKey index) {
        this.keys = keys;
        this.index = index;
    }

    /** The bytes to store: encrypted under the current data key; null stays null. */
    public byte[] seal(byte[] plain, String column) {
        return plain == null ? null : keys.encrypt(plain, column);
    }

    /** The plain bytes of what {@link #seal} gave; null stays null. */
    public byte[] open(byte[] stored, String column) {
        return stored == null ? null : keys.decrypt(stored, column);
    }

    /** A text field to store (UTF-8, then {@link #seal}); null stays null. */
    public byte[] sealText(String plain, String column) {
        return plain == null ? null : keys.encrypt(plain.getBytes(StandardCharsets.UTF_8), column);
    }

    /** The text of what {@link #sealText} gave (or of a value stored before encryption); null stays null. */
    public String openText(byte[] stored, String column) {
        return stored == null ? null : new String(keys.decrypt(stored, column), StandardCharsets.UTF_8);
    }

    /**
     * The blind index of a value: HMAC-SHA256 under the index key (not a data key: it never rotates), of the value
     * normalised (NFC, lower case, without spaces, dots and hyphens), the index's {@code name} bound in. Equal values
     * give equal bytes, so SQL compares them; the value cannot be read back. Null stays null.
     */
    public byte[] blindIndex(String value, String name) {
        return index.index(value, name);
    }

    /**
     * The blind index of several values taken together (e.g. the fields that identify a form's subject), each
     * normalised as above; null when any value is null. Lists that differ in any value give different bytes.
     */
    public byte[] blindIndex(java.util.List<String> values, String name) {
        return index.index(values, name);
    }

    /** Whether stored bytes are encrypted (start with the header). */
    public static boolean sealed(byte[] stored) {
        return KeyRing.isEncrypted(stored);
    }
}
