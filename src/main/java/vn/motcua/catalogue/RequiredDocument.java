package vn.motcua.catalogue;

import java.util.regex.Pattern;

/**
 * A document the applicant provides (thành phần hồ sơ).
 *
 * @param count     number of copies (0 = only if applicable / may be replaced by data the state holds)
 * @param form      original or copy
 * @param template  file name of the template form (mẫu đơn, tờ khai), if any
 * @param condition the case it applies to (e.g. "Trường hợp ủy quyền..."), or null for always
 * @param presentOnly true when it is only shown (xuất trình), not handed in
 */
public record RequiredDocument(String name, int count, Form form, String template, String condition,
                               boolean presentOnly) {

    public enum Form { ORIGINAL, COPY }

    private static final Pattern LIST_MARK = Pattern.compile("^[-–•*+]\\s*");

    /** A published name stripped and without its leading list mark ("- ", "– ", "• ", "* ", "+ "). */
    public static String unmarked(String name) {
        return LIST_MARK.matcher(name.strip()).replaceFirst("");
    }
}
