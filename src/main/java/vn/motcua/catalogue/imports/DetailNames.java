package vn.motcua.catalogue.imports;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.catalogue.internal.Fold;

/**
 * Whether a detail record's own name ({@code ten_thu_tuc}) names the procedure the ministry list names
 * under the same code. The portal's details sometimes carry another procedure's page under a code
 * (3.000243: the list's security-and-order certificate, the details' Home Affairs social policy), so
 * details are attached only when the names agree.
 * <p>
 * The names agree when their folded text (the platform's fold: case, diacritics, punctuation) is equal
 * once a leading "Thủ tục" and a trailing level in parentheses ("(cấp tỉnh)", "(thực hiện tại Công an
 * cấp xã)") are set aside; if both name a level, the levels must be the same, since the same procedure
 * at another level has a code of its own (3.000274 at the province, 3.000283 at the commune). Nothing
 * looser: one name containing the other is not enough ("Khóa căn cước điện tử" is inside "Mở khóa căn
 * cước điện tử").
 */
final class DetailNames {

    private static final Pattern TRAILING_PARENTHESES = Pattern.compile("\\(([^()]*)\\)[\\s.;]*$");
    private static final Pattern LEVEL = Pattern.compile(
            "(?:thuc hien )?(?:tai )?(?:cong an )?cap (trung uong|bo|tinh|huyen|xa)");
    private static final Map<String, String> SAME_LEVEL = Map.of("bo", "trung uong");
    private static final String PREFIX = "thu tuc ";

    private DetailNames() {
    }

    /** A name as compared: folded, without the prefix and the trailing level (kept apart, or null). */
    record Key(String name, String level) {
    }

    static boolean sameProcedure(String listed, String detailed) {
        Key a = key(listed);
        Key b = key(detailed);
        return a.name().equals(b.name()) && (a.level() == null || b.level() == null || a.level().equals(b.level()));
    }

    static Key key(String name) {
        String body = name == null ? "" : name;
        String level = null;
        Matcher m = TRAILING_PARENTHESES.matcher(body);
        if (m.find()) {
            Matcher l = LEVEL.matcher(Fold.fold(m.group(1)));
            if (l.matches()) {
                level = SAME_LEVEL.getOrDefault(l.group(1), l.group(1));
                body = body.substring(0, m.start());
            }
        }
        String folded = Fold.fold(body);
        if (folded.startsWith(PREFIX)) {
            folded = folded.substring(PREFIX.length());
        }
        return new Key(folded, level);
    }
}
