package vn.motcua.dossier.internal;

import java.util.regex.Pattern;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Receipt numbers (số biên nhận) given at submission: 10 characters from Crockford's base32 alphabet (digits and
 * upper-case letters without I, L, O, U, so nothing reads as another character), nine random and a check character
 * (Luhn mod 32), e.g. {@code 7KQ4M2XD9P}. The check catches every single mistyped character and every swap of two
 * neighbours but one (0 and Z, as Luhn mod 10 misses 09 and 90). People may type it in any case, with spaces or hyphens, and with O for 0 or I/L for 1.
 * <p>
 * The same algorithm runs in SQL ({@code dossier_receipt_number()}, V40_3) as the column's default, which numbered
 * the dossiers submitted before receipt numbers existed.
 */
public final class ReceiptNumbers {

    private static final Pattern SPACES_AND_HYPHENS = Pattern.compile("[\\s-]+");

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptNumbers() {
    }

    public static String next() {
        char[] body = new char[LENGTH - 1];
        for (int i = 0; i < body.length; i++) {
            body[i] = ALPHABET.charAt(RANDOM.nextInt(32));
        }
        String b = new String(body);
        return b + check(b);
    }

    /** The Luhn mod 32 check character of {@code body} (characters of the alphabet). */
    static char check(String body) {
        int factor = 2;
        int sum = 0;
        for (int i = body.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(body.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / 32 + addend % 32;
        }
        return ALPHABET.charAt((32 - sum % 32) % 32);
    }

    /** Whether a canonical number (upper case, alphabet only) carries its right check character. */
    static boolean valid(String canonical) {
        if (canonical.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(canonical.charAt(i)) < 0) {
                return false;
            }
        }
        return check(canonical.substring(0, LENGTH - 1)) == canonical.charAt(LENGTH - 1);
    }

    /**
     * What a person typed, as the stored receipt number: case, spaces and hyphens ignored, O read as 0 and I/L as 1;
     * empty when it is not a receipt number with a right check character.
     */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = SPACES_AND_HYPHENS.matcher(typed.strip().toUpperCase(Locale.ROOT)).replaceAll("");
        if (t.length() != LENGTH) {
            return Optional.empty();
        }
        t = t.replace('O', '0').replace('I', '1').replace('L', '1');
        return valid(t) ? Optional.of(t) : Optional.empty();
    }

    /** For reading aloud and copying: two groups of five, {@code 7KQ4M 2XD9P}. */
    public static String display(String number) {
        return number == null || number.length() != LENGTH ? number : number.substring(0, 5) + " " + number.substring(5);
    }
}
