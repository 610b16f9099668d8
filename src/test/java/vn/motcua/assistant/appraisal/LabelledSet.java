package vn.motcua.assistant.appraisal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import vn.motcua.platform.reading.Scans;

/**
 * A labelled set of dossiers for the 9 procedures with hand-written e-forms: a valid form, and attachments that are good
 * or bad in known ways. The defects cycle over the procedures (10 defects, 9 procedures: every pair comes round every
 * 90 dossiers): the procedure's key document missing, renamed (found only by reading it), showing another ID number,
 * another name or another date than the form, blank or black (unreadable); the good ones are scans drawn with DejaVu
 * Sans or a serif face (DejaVu Serif, Liberation Serif), rotated up to ±2.5° with 0.2–0.8 % noise, some as lower
 * resolution JPEGs, some as scanned PDFs, some as PDFs with a text layer. Each dossier has up to three files: the key
 * document, a copy of the applicant's ID card (a text PDF) and the signed print of the e-form (a text PDF).
 *
 * <p>The expected findings of each dossier are written here from what was drawn — the ground truth — never from what
 * the appraisal says: {@link Expected#missing} holds folded pieces of the catalogue documents' names that must be
 * reported MISSING, {@link Expected#disagree} the form fields whose value the documents contradict, {@link
 * Expected#unreadable} the files that cannot be read. Seeded: the same seed and day give the same set.
 */
final class LabelledSet {

    static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Huỳnh", "Phan"};
    static final String[] MIDDLE_F = {"Thị", "Thị Thu", "Thị Ngọc", "Thị Hồng", "Thị Mỹ", "Thị Kim", "Ngọc"};
    static final String[] MIDDLE_M = {"Văn", "Minh", "Quốc", "Đức", "Hữu", "Thanh", "Công"};
    static final String[] GIVEN_F = {"Lan", "Hương", "Trang", "Nhung", "Thảo", "Hạnh", "Yến", "Dung", "Phượng", "Tuyết", "Quyên", "Diệp"};
    static final String[] GIVEN_M = {"Khôi", "Huy", "Trí", "Bảo", "Phúc", "Long", "Nghĩa", "Tuấn", "Dũng", "Thắng", "Lộc", "Sơn"};
    static final String UNIT = "26740";

    /** The 9 procedures with hand-written e-forms. */
    static final List<String> PROCEDURES = List.of("1.000656", "1.000894", "1.001193", "1.001456", "1.004194", "1.004222",
            "1.004873", "2.000815", "3.000333");

    enum Defect { NONE, RENAMED, MISSING, OTHER_ID, OTHER_NAME, WRONG_DATE, BLANK, TEXT_PDF, LOW_RES, SERIF }

    /**
     * What the appraisal must report, and nothing more. A missing item may be named by several lines of the catalogue
     * (the rental contract, "information proving the legal residence"): its alternatives are separated by {@code |},
     * and any document reported MISSING that matches one of them is that item.
     */
    record Expected(Set<String> missing, Set<String> disagree, Set<String> unreadable) {
    }

    /**
     * @param defect the defect drawn (a defect that does not apply to the procedure, e.g. another date where the
     *               documents carry none, is drawn as a good dossier: {@link Defect#NONE})
     */
    record Case(int n, String procedure, Defect defect, Map<String, Object> body, List<File> files, Expected expected) {

        @SuppressWarnings("unchecked")
        Map<String, Object> form() {
            return (Map<String, Object>) body.get("form");
        }
    }

    record File(String fileName, byte[] content) {

        Map<String, Object> json() {
            return Map.of("fileName", fileName, "contentBase64", Base64.getEncoder().encodeToString(content));
        }
    }

    /** A person as the form and the documents give them. */
    record Person(String name, String id, LocalDate born, boolean female) {
    }

    /**
     * The key document of a procedure: the folded piece(s) of the catalogue document's name it stands for (as the
     * completeness check must report it when missing), its file name, and the form fields it carries. The two
     * procedures whose documents all come from the state's data (marriage, marital status) have none: their dossiers
     * carry only the ID card copy and the signed print, and must get no finding.
     */
    record Key(String missingMatch, String file, String nameField, String idField, String dateField, boolean photo) {
    }

    static List<Case> generate(int count, long seed, LocalDate today) {
        Random r = new Random(seed);
        List<Case> out = new ArrayList<>();
        Defect[] defects = Defect.values();
        for (int i = 0; i < count; i++) {
            String code = PROCEDURES.get(i % PROCEDURES.size());
            out.add(build(i, code, defects[i % defects.length], today, r));
        }
        return out;
    }

    static Person person(Random r, boolean female, LocalDate born) {
        String name = FAMILY[r.nextInt(FAMILY.length)] + " "
                + (female ? MIDDLE_F[r.nextInt(MIDDLE_F.length)] + " " + GIVEN_F[r.nextInt(GIVEN_F.length)]
                : MIDDLE_M[r.nextInt(MIDDLE_M.length)] + " " + GIVEN_M[r.nextInt(GIVEN_M.length)]);
        // 079 Hồ Chí Minh City; the century-and-sex digit; the year of birth; six digits
        int centurySex = (born.getYear() >= 2000 ? 2 : 0) + (female ? 1 : 0);
        String id = "079" + centurySex + String.format("%02d", born.getYear() % 100) + String.format("%06d", r.nextInt(1_000_000));
        return new Person(name, id, born, female);
    }

    static Person adult(Random r, boolean female, LocalDate today) {
        return person(r, female, today.minusYears(22 + r.nextInt(40)).minusDays(r.nextInt(365)));
    }

    /** Another name of the same shape: the given name changed (a real disagreement, not an OCR slip). */
    static String otherName(String name, boolean female, Random r) {
        String[] given = female ? GIVEN_F : GIVEN_M;
        String head = name.substring(0, name.lastIndexOf(' '));
        String last = name.substring(name.lastIndexOf(' ') + 1);
        String other;
        do {
            other = given[r.nextInt(given.length)];
        } while (other.equals(last));
        return head + " " + other;
    }

    static String otherId(String id) {
        char c = id.charAt(8);
        return id.substring(0, 8) + (char) ('0' + (c - '0' + 5) % 10) + id.substring(9);
    }

    static Key key(String code) {
        return switch (code) {
            case "1.000656" -> new Key("giay bao tu", "giay-bao-tu", "deceased.fullName", "deceased.personalId", "deceased.deathDate", false);
            case "1.000894" -> new Key(null, null, null, null, null, false);
            case "1.001193" -> new Key("giay chung sinh", "giay-chung-sinh", "mother.fullName", "mother.personalId", "child.birthDate", false);
            case "1.001456" -> new Key("anh moi chup", "anh-4x6", null, null, null, true);
            case "1.004194" -> new Key("cho o hop phap", "hop-dong-thue-nha", "applicant.fullName", "applicant.personalId", null, false);
            case "1.004222" -> new Key("hop dong|cho o hop phap", "hop-dong-thue-nha", "applicant.fullName", "applicant.personalId", null, false);
            case "1.004873" -> new Key(null, null, null, null, null, false);
            case "2.000815" -> new Key("ban chinh giay to", "bang-tot-nghiep", "applicant.fullName", null, null, false);
            case "3.000333" -> new Key("can cuoc", "can-cuoc", "applicant.fullName", "applicant.personalId", "applicant.birthDate", false);
            default -> throw new IllegalArgumentException(code);
        };
    }

    static boolean applies(Key k, Defect d) {
        return switch (d) {
            case MISSING -> k.file() != null;
            case BLANK, RENAMED, TEXT_PDF, LOW_RES, SERIF -> k.file() != null && !k.photo();
            case OTHER_ID -> k.idField() != null;
            case OTHER_NAME -> k.nameField() != null;
            case WRONG_DATE -> k.dateField() != null;
            case NONE -> true;
        };
    }

    static Case build(int n, String code, Defect drawn, LocalDate today, Random r) {
        Key k = key(code);
        Defect d = applies(k, drawn) ? drawn : Defect.NONE;
        Person applicant = adult(r, r.nextBoolean(), today);
        String phone = "09" + (10_000_000 + r.nextInt(89_999_999));
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicant", applicantMap(applicant, phone));
        // what the key document says: the form's values, unless the defect changes one
        List<String> lines;
        String title;
        switch (code) {
            case "1.000656" -> {
                Person dead = person(r, r.nextBoolean(), today.minusYears(60 + r.nextInt(30)).minusDays(r.nextInt(365)));
                LocalDate died = today.minusDays(1 + r.nextInt(12));
                form.put("relationship", "Con");
                form.put("deceased", map("fullName", dead.name(), "birthDate", dead.born().toString(), "personalId", dead.id(),
                        "deathDate", died.toString(), "deathPlace", UNIT, "lastResidence", UNIT));
                form.put("resultDelivery", "ONLINE");
                title = "GIẤY BÁO TỬ";
                lines = List.of(title, "Họ, chữ đệm, tên người chết: " + name(d, dead),
                        "Số định danh cá nhân: " + id(d, dead.id()), "Đã chết vào lúc 14 giờ 20 phút, ngày " + date(d, died),
                        "Nơi chết: Bệnh viện Chợ Rẫy, Thành phố Hồ Chí Minh", "Nguyên nhân chết: bệnh");
            }
            case "1.000894" -> {
                Person bride = adult(r, true, today);
                Person groom = adult(r, false, today);
                form.remove("applicant");
                form.put("bride", map("fullName", bride.name(), "birthDate", bride.born().toString(), "personalId", bride.id(),
                        "residence", UNIT, "maritalStatus", "SINGLE"));
                form.put("groom", map("fullName", groom.name(), "birthDate", groom.born().toString(), "personalId", groom.id(),
                        "residence", UNIT, "maritalStatus", "SINGLE"));
                form.put("phone", phone);
                form.put("resultDelivery", "COUNTER");
                applicant = bride;
                title = null;
                lines = List.of();
            }
            case "1.001193" -> {
                Person mother = person(r, true, today.minusYears(20 + r.nextInt(18)).minusDays(r.nextInt(365)));
                LocalDate born = today.minusDays(1 + r.nextInt(50));
                form.put("applicant", applicantMap(mother, phone));
                applicant = mother;
                form.put("relationship", "Mẹ");
                form.put("child", map("fullName", "Trần " + MIDDLE_M[r.nextInt(MIDDLE_M.length)] + " " + GIVEN_M[r.nextInt(GIVEN_M.length)],
                        "gender", "NAM", "birthDate", born.toString(), "birthPlace", UNIT, "ethnicity", "Kinh", "nationality", "Việt Nam"));
                form.put("mother", map("fullName", mother.name(), "birthDate", mother.born().toString(), "personalId", mother.id(),
                        "residence", UNIT));
                form.put("resultDelivery", "ONLINE");
                title = "GIẤY CHỨNG SINH";
                lines = List.of(title, "Họ và tên mẹ: " + name(d, mother), "Số định danh cá nhân: " + id(d, mother.id()),
                        "Sinh con lúc 08 giờ 30 ngày " + date(d, born), "Giới tính của con: Nam");
            }
            case "1.001456" -> {
                form.put("gender", applicant.female() ? "NU" : "NAM");
                form.put("birthPlace", UNIT);
                form.put("passportType", "CHIP");
                form.put("resultDelivery", "POST");
                form.put("postAddress", "12 Lê Lợi, phường Sài Gòn");
                title = null;
                lines = List.of();
            }
            case "1.004194" -> {
                form.put("tempResidence", UNIT);
                form.put("tempResidenceDetail", (10 + r.nextInt(300)) + " Nguyễn Trãi");
                form.put("from", today.minusDays(r.nextInt(20)).toString());
                form.put("months", 6 + r.nextInt(18));
                form.put("purpose", "WORK");
                form.put("landlord", adult(r, r.nextBoolean(), today).name());
                title = "HỢP ĐỒNG THUÊ NHÀ";
                lines = List.of(title, "Bên cho thuê: " + form.get("landlord"), "Bên thuê: " + name(d, applicant),
                        "Số định danh cá nhân bên thuê: " + id(d, applicant.id()),
                        "Địa chỉ nhà cho thuê: " + form.get("tempResidenceDetail") + ", phường Sài Gòn", "Thời hạn thuê: 24 tháng");
            }
            case "1.004222" -> {
                form.put("newResidence", UNIT);
                form.put("newResidenceDetail", (10 + r.nextInt(300)) + " Lê Thánh Tôn");
                form.put("basis", "RENTED");
                title = "HỢP ĐỒNG THUÊ NHÀ Ở";
                lines = List.of(title, "Bên cho thuê: " + adult(r, r.nextBoolean(), today).name(), "Bên thuê: " + name(d, applicant),
                        "Số định danh cá nhân bên thuê: " + id(d, applicant.id()),
                        "Địa chỉ nhà ở: " + form.get("newResidenceDetail") + ", phường Sài Gòn", "Thời hạn thuê: 36 tháng");
            }
            case "1.004873" -> {
                form.put("subject", "SELF");
                form.put("maritalStatus", "SINGLE");
                form.put("purpose", "OTHER");
                form.put("purposeDetail", "Bổ sung hồ sơ vay vốn ngân hàng");
                form.put("copies", 1);
                form.put("resultDelivery", "ONLINE");
                title = null;
                lines = List.of();
            }
            case "2.000815" -> {
                form.put("documents", List.of(map("title", "Bằng tốt nghiệp trung học phổ thông", "issuer", "Sở Giáo dục và Đào tạo",
                        "foreign", "NO", "copies", 2)));
                form.put("resultDelivery", "COUNTER");
                title = "BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG";
                lines = List.of("BẢN CHÍNH", title, "Cấp cho: " + name(d, applicant),
                        "Ngày sinh: " + applicant.born().format(VN), "Xếp loại tốt nghiệp: Khá");
            }
            case "3.000333" -> {
                form.put("gender", applicant.female() ? "NU" : "NAM");
                form.put("birthPlace", UNIT);
                form.put("formType", "1");
                form.put("purpose", "Bổ sung hồ sơ xin việc");
                form.put("copies", 1);
                form.put("resultDelivery", "ONLINE");
                title = "CĂN CƯỚC CÔNG DÂN";
                lines = List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", title, "Số: " + id(d, applicant.id()),
                        "Họ và tên: " + name(d, applicant), "Ngày sinh: " + date(d, applicant.born()),
                        "Giới tính: " + (applicant.female() ? "Nữ" : "Nam") + "   Quốc tịch: Việt Nam");
            }
            default -> throw new IllegalArgumentException(code);
        }
        if (!form.containsKey("applicant") && !code.equals("1.000894")) {
            form.put("applicant", applicantMap(applicant, phone));
        }

        List<File> files = new ArrayList<>();
        Set<String> missing = Set.of();
        Set<String> disagree = Set.of();
        Set<String> unreadable = Set.of();
        if (k.file() != null) {
            String file = (d == Defect.RENAMED ? "scan-" + n : k.file());
            double angle = (r.nextDouble() - 0.5) * 5;
            double noise = 0.002 + r.nextDouble() * 0.006;
            long grain = r.nextLong();
            switch (d) {
                case MISSING -> missing = Set.of(k.missingMatch());
                case BLANK -> {
                    boolean black = n % 20 < 10;
                    files.add(new File(file + ".png", Scans.png(black ? dark(grain) : Scans.scan(List.of(), 1600, 520, 36f, angle, 0.03, grain))));
                    unreadable = Set.of(file + ".png");
                }
                case TEXT_PDF -> files.add(new File(file + ".pdf", Scans.textPdf(lines)));
                case LOW_RES -> files.add(new File(file + ".jpg", Scans.jpeg(Scans.scan(lines, 1100, 360, 25f, angle, noise, grain))));
                case SERIF -> {
                    Path font = n % 20 < 10 ? Scans.LIBERATION_SERIF : Scans.DEJAVU_SERIF;
                    BufferedImage img = Scans.scan(lines, 1600, 520, 36f, angle, noise, grain, font);
                    files.add(n % 40 < 20 ? new File(file + ".png", Scans.png(img)) : new File(file + ".pdf", Scans.scannedPdf(img)));
                }
                default -> files.add(new File(file + (k.photo() ? ".jpg" : ".png"),
                        k.photo() ? Scans.jpeg(portrait(grain)) : Scans.png(Scans.scan(lines, 1600, 520, 36f, angle, noise, grain))));
            }
            disagree = switch (d) {
                case OTHER_ID -> Set.of(k.idField());
                case OTHER_NAME -> Set.of(k.nameField());
                case WRONG_DATE -> Set.of(k.dateField());
                default -> Set.of();
            };
        }
        if (!code.equals("3.000333")) {
            files.add(new File("cccd-nguoi-nop.pdf", Scans.textPdf(List.of("CĂN CƯỚC CÔNG DÂN", "Số: " + applicant.id(),
                    "Họ và tên: " + applicant.name(), "Ngày sinh: " + applicant.born().format(VN)))));
        }
        files.add(new File("to-khai-da-ky.pdf", Scans.textPdf(List.of("TỜ KHAI ĐIỆN TỬ ĐÃ IN VÀ KÝ", "Người yêu cầu: " + applicant.name(),
                "Tôi cam đoan những nội dung khai trên là đúng sự thật.", "Ngày " + today.format(VN)))));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", code);
        body.put("applicant", map("kind", "PERSON", "name", applicant.name(), "personalId", applicant.id(), "phone", phone,
                "email", "a." + phone + "@example.vn"));
        body.put("address", map("unitCode", UNIT, "line", "12 Lê Lợi"));
        body.put("form", form);
        body.put("attachments", files.stream().map(File::json).toList());
        return new Case(n, code, d, body, files, new Expected(missing, disagree, unreadable));
    }

    static Map<String, Object> applicantMap(Person p, String phone) {
        return map("fullName", p.name(), "birthDate", p.born().toString(), "personalId", p.id(), "phone", phone,
                "email", "a." + phone + "@example.vn", "residence", UNIT, "residenceDetail", "12 Lê Lợi");
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String name(Defect d, Person p) {
        return d == Defect.OTHER_NAME ? otherName(p.name(), p.female(), new Random(p.id().hashCode())) : p.name();
    }

    private static String id(Defect d, String id) {
        return d == Defect.OTHER_ID ? otherId(id) : id;
    }

    private static String date(Defect d, LocalDate date) {
        return (d == Defect.WRONG_DATE ? date.minusDays(3) : date).format(VN);
    }

    /** A photocopy gone black: dark grey with speckles, no text. */
    static BufferedImage dark(long seed) {
        BufferedImage img = new BufferedImage(1600, 520, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(seed);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.getRaster().setSample(x, y, 0, 30 + random.nextInt(40));
            }
        }
        return img;
    }

    /** A 4×6 portrait: a head and shoulders on a light background (no text). */
    static BufferedImage portrait(long seed) {
        BufferedImage img = new BufferedImage(400, 600, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        Random random = new Random(seed);
        g.setColor(new Color(235, 240, 250));
        g.fillRect(0, 0, 400, 600);
        g.setColor(new Color(40 + random.nextInt(40), 40, 60));
        g.fillOval(40, 380, 320, 300);
        g.setColor(new Color(220, 180 + random.nextInt(20), 150));
        g.fillOval(120, 140, 160, 210);
        g.dispose();
        return img;
    }
}
