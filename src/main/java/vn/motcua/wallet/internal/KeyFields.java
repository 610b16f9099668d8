package vn.motcua.wallet.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.platform.text.VietnameseText;

/**
 * The key fields an officer is offered to confirm, recognised in the OCR text of a scanned paper document: its type
 * (the first line naming a known kind of document), the holder's full name, the personal ID (12 digits), the
 * document's number and the issue date. Only suggestions: the officer confirms or corrects each.
 */
final class KeyFields {

    /** Kinds of document recognised by their title, folded (no diacritics, lower case), and the type stored. */
    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("giay khai sinh", "Giấy khai sinh");
        TYPES.put("trich luc khai sinh", "Giấy khai sinh");
        TYPES.put("can cuoc", "Căn cước");
        TYPES.put("xac nhan cu tru", "Giấy xác nhận cư trú");
        TYPES.put("xac nhan tinh trang hon nhan", "Giấy xác nhận tình trạng hôn nhân");
        TYPES.put("giay chung nhan ket hon", "Giấy chứng nhận kết hôn");
        TYPES.put("quyen su dung dat", "Giấy chứng nhận quyền sử dụng đất");
        TYPES.put("giay phep lai xe", "Giấy phép lái xe");
        TYPES.put("ho chieu", "Hộ chiếu");
    }

    private static final Pattern PERSONAL_ID = Pattern.compile("(?<!\\d)(\\d{3}[ .]?\\d{3}[ .]?\\d{6})(?!\\d)");
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})(?!\\d)");
    private static final Pattern NAME = Pattern.compile("(?im)^.*h[oọ]\\s*(?:,\\s*ch[uữ]\\s*đ[eệ]m\\s*)?(?:v[aà]\\s*)?t[eê]n[^:：]*[:：]\\s*(.+)$");
    private static final Pattern NUMBER = Pattern.compile("(?im)^\\s*s[oố]\\s*[:：]\\s*([\\p{L}\\d/.\\-]{1,40})\\s*$");

    private KeyFields() {
    }

    static Map<String, String> recognise(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String line : text.split("\\R")) {
            String folded = VietnameseText.fold(line).toLowerCase(java.util.Locale.ROOT);
            String type = TYPES.entrySet().stream().filter(e -> folded.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            if (type != null) {
                out.put("type", type);
                break;
            }
        }
        Matcher name = NAME.matcher(text);
        if (name.find()) {
            out.put("fullName", name.group(1).strip());
        }
        Matcher id = PERSONAL_ID.matcher(text);
        if (id.find()) {
            out.put("personalId", id.group(1).replaceAll("[ .]", ""));
        }
        Matcher number = NUMBER.matcher(text);
        if (number.find()) {
            out.put("number", number.group(1).strip());
        }
        Matcher date = DATE.matcher(text);
        List<String> dates = new java.util.ArrayList<>();
        while (date.find()) {
            try {
                dates.add(java.time.LocalDate.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(1))).toString());
            } catch (java.time.DateTimeException e) {
                // not a date
            }
        }
        if (!dates.isEmpty()) {
            out.put("issuedOn", dates.get(dates.size() - 1));   // the date of signature comes last
        }
        return out;
    }
}
