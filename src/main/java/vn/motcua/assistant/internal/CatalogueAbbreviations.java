package vn.motcua.assistant.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue's own abbreviations, read as the words they stand for when a procedure is indexed: the catalogue names
 * the same thing both ways ("Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT" beside "Cấp lại thẻ bảo hiểm y
 * tế"), so a question that spells it out and one that abbreviates it must reach both names alike. Only abbreviations the
 * law defines (Luật Bảo hiểm xã hội 2024, Luật Bảo hiểm y tế) and citizens also spell out; the lexicon reads the citizen's
 * "bhxh", "bhyt" the same way, so both sides meet on the long form.
 */
final class CatalogueAbbreviations {

    static final Map<String, String> EXPANSIONS = Map.of(
            "BHXH", "bảo hiểm xã hội",
            "BHYT", "bảo hiểm y tế");

    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|", EXPANSIONS.keySet())
            + ")(?![\\p{L}\\p{N}])");

    /**
     * The land field's short name for its certificate: Luật Đất đai 2024 (Art. 3.21) names it "Giấy chứng nhận quyền sử
     * dụng đất, quyền sở hữu tài sản gắn liền với đất" and the catalogue's land names then call it "Giấy chứng nhận"
     * ("Cấp lại Giấy chứng nhận do bị mất" beside "Cấp đổi Giấy chứng nhận quyền sử dụng đất, …"). Read in full in the
     * land field only, so "sổ đỏ" (the lexicon's full name) reaches both kinds of names alike.
     */
    static final String LAND_FIELD = "Đất đai";
    static final String LAND_CERTIFICATE = "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất";
    private static final Pattern BARE_CERTIFICATE = Pattern.compile("(?i)giấy chứng nhận(?! quyền)");

    private CatalogueAbbreviations() {
    }

    /** {@link #expand(String)}, and in the land field the certificate's short name read in full. */
    static String expand(String text, String field) {
        String out = expand(text);
        if (out == null || field == null || !VietnameseAnalysis.normalize(field).strip().startsWith(LAND_FIELD)) {
            return out;
        }
        return BARE_CERTIFICATE.matcher(out).replaceAll(LAND_CERTIFICATE);
    }

    /** The text with each abbreviation (upper case, a word of its own) replaced by its words. */
    static String expand(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = WORD.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        do {
            m.appendReplacement(sb, EXPANSIONS.get(m.group(1)));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
