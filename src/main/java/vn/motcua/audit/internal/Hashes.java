package vn.motcua.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;

/** The chain's arithmetic: link(n) = SHA-256(link(n - 1) || digest(row n)), link(0) = SHA-256("motcua-audit/chain/day"). */
final class Hashes {

    private Hashes() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] genesis(String chain, LocalDate day) {
        return sha256().digest(("motcua-audit/" + chain + "/" + day).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] link(MessageDigest md, byte[] previous, byte[] rowDigest) {
        md.reset();
        md.update(previous);
        return md.digest(rowDigest);
    }

    static String hex(byte[] b) {
        return b == null ? null : java.util.HexFormat.of().formatHex(b);
    }
}
