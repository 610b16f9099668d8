package vn.motcua.platform.text;

import java.util.Locale;

/**
 * Field (lĩnh vực) keys shared by the catalogue's field names and the territory posts' field codes: both are
 * folded with {@link VietnameseText#fold(String)} and written in upper snake case, so "Hộ tịch" and
 * {@code HO_TICH} give {@code HO_TICH}, "Lý lịch tư pháp" and {@code LY_LICH_TU_PHAP} give
 * {@code LI_LICH_TU_PHAP} (the fold's i/y rule applies to both sides alike).
 * <p>
 * A post's field covers a step's field when the post key equals the step key or is a whole-word part of it:
 * {@code CU_TRU} covers "Đăng ký, quản lý cư trú" ({@code DANG_KI_QUAN_LI_CU_TRU}), {@code XUAT_NHAP_CANH}
 * covers "Quản lý xuất nhập cảnh". The same test runs in SQL ({@link #SQL_COVERS}).
 */
public final class FieldKeys {

    /** SQL predicate: post key {@code :p} covers step key {@code :s} (both non-null); mirrors {@link #covers}. */
    public static final String SQL_COVERS = "position('_' || %s || '_' in '_' || %s || '_') > 0";

    private FieldKeys() {
    }

    /** Upper-snake folded key, or null for a null or blank field. */
    public static String key(String field) {
        String folded = VietnameseText.fold(field);
        return folded.isEmpty() ? null : folded.toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    /**
     * Whether a post with field {@code postField} may take a step narrowed to {@code stepKey}: always when either
     * is null (a post without field takes every step of its agency and role; a step without field is open to all).
     */
    public static boolean covers(String postField, String stepKey) {
        String p = key(postField);
        if (p == null || stepKey == null) {
            return true;
        }
        return ("_" + stepKey + "_").contains("_" + p + "_");
    }
}
