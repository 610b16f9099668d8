package vn.motcua.dossier;

import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid and invalid submissions built from the real catalogue's birth-registration e-form (1.001193). */
public final class DossierFixtures {

    public static final String BIRTH = "1.001193";
    /** Phường Sài Gòn (HCMC, since 1 July 2025), served by UBND-26740 where the demo officer tiepnhan receives. */
    public static final String SAI_GON = "26740";
    public static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    public static final String PDF_B64 = java.util.Base64.getEncoder().encodeToString(PDF);

    private DossierFixtures() {
    }

    /** A birth registration submitted online by congdan and accepted by tiepnhan through the API; its id. */
    public static String acceptedThroughApi(vn.motcua.support.Http http) {
        String phone = IntakeApiTest.phone();
        var r = http.postJson("congdan", "demo", "/api/v1/dossiers",
                birthSubmission(phone, "a." + phone + "@example.vn", SAI_GON));
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        var a = http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/accept", Map.of());
        org.assertj.core.api.Assertions.assertThat(a.status()).as(a.body()).isEqualTo(200);
        return id;
    }

    /**
     * {@link #acceptedThroughApi} driven through the processing API to its approved result (chuyenvien claims and
     * forwards, lanhdao approves), returned online by tiepnhan and delivered into congdan's data store; its id.
     */
    public static String returnedOnline(vn.motcua.support.Http http, vn.motcua.dossier.internal.ResultDeliveries deliveries) {
        String id = acceptedThroughApi(http);
        String base = "/api/v1/dossiers/" + id + "/";
        ok(http, "chuyenvien", base + "claim", Map.of());
        ok(http, "chuyenvien", base + "forward", Map.of("note", "Đủ điều kiện"));
        ok(http, "lanhdao", base + "decision", Map.of("outcome", "APPROVED", "summary", "Cấp Giấy khai sinh"));
        ok(http, "tiepnhan", base + "result-return", Map.of("delivery", "ONLINE"));
        // The result enters the store after the return commits, on the delivery thread: wait for it (the hook waits for
        // a delivery in progress, or delivers it itself), never for a while
        deliveries.deliver(java.util.UUID.fromString(id));
        return id;
    }

    private static void ok(vn.motcua.support.Http http, String user, String path, Map<String, Object> body) {
        var r = http.postJson(user, "demo", path, body);
        org.assertj.core.api.Assertions.assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    }

    /** The e-form of a birth registration in the Sài Gòn ward (the applicant, the child, the mother). */
    public static Map<String, Object> birthForm(String phone) {
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("fullName", "Nguyễn Thị Thủy Tiên");
        applicant.put("birthDate", "1990-05-12");
        applicant.put("personalId", "079190012345");
        applicant.put("phone", phone);
        applicant.put("email", "tien." + phone + "@example.vn");
        applicant.put("residence", SAI_GON);
        applicant.put("residenceDetail", "12 Lê Lợi");
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("fullName", "Trần Minh Khôi");
        child.put("gender", "NAM");
        child.put("birthDate", LocalDate.now().minusDays(10).toString());
        child.put("birthPlace", SAI_GON);
        child.put("ethnicity", "Kinh");
        child.put("nationality", "Việt Nam");
        Map<String, Object> mother = new LinkedHashMap<>();
        mother.put("fullName", "Nguyễn Thị Thủy Tiên");
        mother.put("birthDate", "1990-05-12");
        mother.put("personalId", "079190012345");
        mother.put("residence", SAI_GON);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicant", applicant);
        form.put("relationship", "Mẹ");
        form.put("child", child);
        form.put("mother", mother);
        form.put("resultDelivery", "ONLINE");
        return form;
    }

    /** The JSON body of POST /api/v1/dossiers. */
    public static Map<String, Object> birthSubmission(String phone, String email, String unitCode) {
        return birthSubmission(phone, email, unitCode, PDF);
    }

    /** The same body with the given bytes as its one PDF attachment. */
    public static Map<String, Object> birthSubmission(String phone, String email, String unitCode, byte[] pdf) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", BIRTH);
        body.put("applicant", Map.of("kind", "PERSON", "name", "Nguyễn Thị Thủy Tiên", "personalId", "079190012345",
                "phone", phone, "email", email));
        body.put("address", unitCode == null ? Map.of("line", "12 Lê Lợi") : Map.of("unitCode", unitCode, "line", "12 Lê Lợi"));
        body.put("form", birthForm(phone));
        body.put("attachments", List.of(Map.of("fileName", "giay-chung-sinh.pdf",
                "contentBase64", Base64.getEncoder().encodeToString(pdf))));
        return body;
    }
}
