package vn.motcua.assistant.appraisal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import vn.motcua.catalogue.RequiredDocument;
import vn.motcua.platform.reading.Scans;

/**
 * A labelled set of generated birth-registration dossiers (1.001193): a form, and attachments that are good or bad in
 * known ways — the birth certificate missing, renamed (found only by reading it), with another mother's ID number or
 * name, or a blank unreadable scan. Scans are drawn with DejaVu Sans, rotated and noisy. Each dossier says which
 * findings are expected, so precision and recall can be computed.
 */
final class LabelledSet {

    static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"};
    static final String[] MIDDLE = {"Thị", "Thị Thu", "Thị Ngọc", "Thị Hồng", "Thị Mỹ", "Thị Kim"};
    static final String[] GIVEN = {"Lan", "Hương", "Trang", "Nhung", "Thảo", "Hạnh", "Yến", "Dung", "Phượng", "Tuyết"};

    /** The catalogue's documents for birth registration that matter here (as the import gives them). */
    static final List<RequiredDocument> BIRTH_DOCUMENTS = List.of(
            new RequiredDocument("Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.", 1, RequiredDocument.Form.ORIGINAL, null, null, false),
            new RequiredDocument("Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh.", 1, RequiredDocument.Form.ORIGINAL, null, null, false),
            new RequiredDocument("Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh.", 1, RequiredDocument.Form.ORIGINAL, null, null, false),
            new RequiredDocument("Tờ khai đăng ký khai sinh theo mẫu", 1, RequiredDocument.Form.ORIGINAL, null, null, true));

    enum Defect { NONE, MISSING, RENAMED, OTHER_ID, OTHER_NAME, BLANK, WRONG_DATE }

    /**
     * @param missingExpected the certificate must be reported MISSING
     * @param disagreeExpected a form/document disagreement must be reported
     * @param unreadableExpected an unreadable document must be reported
     */
    record Case(int n, Defect defect, Map<String, Object> form, LocalDate received, List<Scan> files,
                boolean missingExpected, boolean disagreeExpected, boolean unreadableExpected) {
    }

    record Scan(String fileName, byte[] png, String sha256) {
    }

    static String name(Random r) {
        return FAMILY[r.nextInt(FAMILY.length)] + " " + MIDDLE[r.nextInt(MIDDLE.length)] + " " + GIVEN[r.nextInt(GIVEN.length)];
    }

    static List<Case> generate(int count, long seed) {
        Random r = new Random(seed);
        List<Case> out = new ArrayList<>();
        Defect[] defects = Defect.values();
        for (int i = 0; i < count; i++) {
            Defect defect = defects[i % defects.length];
            String mother = name(r);
            String id = "0791" + (10_000_000 + r.nextInt(89_999_999));
            LocalDate received = LocalDate.of(2026, 3, 2).plusDays(r.nextInt(200));
            LocalDate born = received.minusDays(1 + r.nextInt(50));
            Map<String, Object> form = new HashMap<>(Map.of("relationship", "Mẹ",
                    "child", Map.of("fullName", "Trần Minh " + GIVEN[r.nextInt(GIVEN.length)], "birthDate", born.toString()),
                    "mother", Map.of("fullName", mother, "personalId", id, "birthDate", "1994-05-12")));
            String certMother = defect == Defect.OTHER_NAME ? otherName(mother, r) : mother;
            String certId = defect == Defect.OTHER_ID ? id.substring(0, 11) + (char) ('0' + (id.charAt(11) - '0' + 1) % 10) : id;
            LocalDate certBorn = defect == Defect.WRONG_DATE ? born.minusDays(3) : born;
            List<Scan> files = new ArrayList<>();
            double angle = (r.nextDouble() - 0.5) * 5;
            double noise = 0.002 + r.nextDouble() * 0.006;
            switch (defect) {
                case MISSING -> files.add(scan("ho-khau.png", List.of("SỔ TẠM TRÚ", "Chủ hộ: " + name(r)), angle, noise, r));
                case BLANK -> files.add(scan("giay-chung-sinh.png", List.of(), angle, 0.03, r));
                default -> files.add(scan(defect == Defect.RENAMED ? "scan-" + i + ".png" : "giay-chung-sinh.png",
                        List.of("GIẤY CHỨNG SINH", "Họ và tên mẹ: " + certMother, "Số định danh cá nhân: " + certId,
                                "Sinh con lúc 08 giờ 30 ngày " + certBorn.format(VN), "Giới tính của con: Nam"),
                        angle, noise, r));
            }
            out.add(new Case(i, defect, form, received, files, defect == Defect.MISSING,
                    defect == Defect.OTHER_ID || defect == Defect.OTHER_NAME || defect == Defect.WRONG_DATE,
                    defect == Defect.BLANK));
        }
        return out;
    }

    private static String otherName(String mother, Random r) {
        String other;
        do {
            other = name(r);
        } while (other.equals(mother));
        return other;
    }

    private static Scan scan(String name, List<String> lines, double angle, double noise, Random r) {
        byte[] png = Scans.png(Scans.scan(lines, 1600, 520, 36f, angle, noise, r.nextLong()));
        return new Scan(name, png, sha(png));
    }

    static String sha(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
