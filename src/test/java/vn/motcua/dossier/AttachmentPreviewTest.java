package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Attachments open in the page (issue 17): a PDF's pages as PNG images rendered on the server, an image as it is;
 * the same access as the file (the applicant and officers who may act on the dossier), each read in the access log;
 * the Vietnamese file name in an RFC 5987 {@code filename*} beside an ASCII {@code filename}.
 */
@IntegrationTest
class AttachmentPreviewTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
    }

    /** A two-page A4 PDF, the first page black on its top half (so the rendering can be checked by its pixels). */
    static byte[] twoPagePdf() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 2; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                if (i == 0) {
                    try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                        s.addRect(0, PDRectangle.A4.getHeight() / 2, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight() / 2);
                        s.fill();
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private String submit() throws Exception {
        String phone = IntakeApiTest.phone();
        Map<String, Object> body = DossierFixtures.birthSubmission(phone, "pv." + phone + "@example.vn",
                DossierFixtures.SAI_GON);
        body.put("attachments", List.of(
                Map.of("fileName", "Giấy chứng sinh.pdf", "contentBase64", Base64.getEncoder().encodeToString(twoPagePdf())),
                Map.of("fileName", "anh-cccd-me.png", "contentBase64", Base64.getEncoder().encodeToString(png()))));
        var r = new Http(port).postJson("congdan", "demo", "/api/v1/dossiers", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private String attachment(String dossierId, String fileName) {
        return jdbc.sql("select id::text from dossier_attachment where dossier_id = ?::uuid and file_name = ?")
                .params(dossierId, fileName).query(String.class).single();
    }

    private byte[] bytes(Http http, String path, String... headers) {
        HttpRequest.Builder b = http.request(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.sendBytes(b.GET().build());
    }

    @Test
    void pdfPagesAndImagesShowInTheOfficersPage() throws Exception {
        String id = submit();
        String pdf = attachment(id, "Giấy chứng sinh.pdf");
        String image = attachment(id, "anh-cccd-me.png");
        Http officer = new Http(port);
        officer.login("tiepnhan", "demo");
        String page = officer.get("/workbench/dossiers/" + id).body();
        String base = "/workbench/dossiers/" + id + "/attachments/";
        assertThat(page).contains(base + pdf + "/pages/1", base + pdf + "/pages/2")
                .doesNotContain(base + pdf + "/pages/3")
                .contains("Trang 1/2", "Trang 2/2", "Xem trong trang")
                .contains("src=\"" + base + image + "\"", "Ảnh đính kèm anh-cccd-me.png")
                .contains(base + pdf + "?download=true");

        long before = logged(id, "ATTACHMENT");
        var first = officer.get(base + pdf + "/pages/1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo("image/png");
        assertThat(first.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(logged(id, "ATTACHMENT")).as("a page read is an attachment read in the access log")
                .isEqualTo(before + 1);

        // The PNG is the page: A4 at about 130 dpi, black on top, white below.
        BufferedImage p1 = ImageIO.read(new ByteArrayInputStream(bytes(officer, base + pdf + "/pages/1")));
        assertThat(p1.getWidth()).isBetween(1000, 1200);
        assertThat(p1.getHeight()).isGreaterThan(p1.getWidth());
        assertThat(p1.getRGB(p1.getWidth() / 2, p1.getHeight() / 4) & 0xffffff).isEqualTo(0x000000);
        assertThat(p1.getRGB(p1.getWidth() / 2, p1.getHeight() * 3 / 4) & 0xffffff).isEqualTo(0xffffff);
        BufferedImage p2 = ImageIO.read(new ByteArrayInputStream(bytes(officer, base + pdf + "/pages/2")));
        assertThat(p2.getRGB(p2.getWidth() / 2, p2.getHeight() / 4) & 0xffffff).isEqualTo(0xffffff);

        assertThat(officer.get(base + pdf + "/pages/3").status()).isEqualTo(404);
        assertThat(officer.get(base + pdf + "/pages/0").status()).isEqualTo(404);
        assertThat(officer.get(base + image + "/pages/1").status()).as("an image has no pages").isEqualTo(404);

        var img = officer.get(base + image);
        assertThat(img.contentType()).isEqualTo("image/png");
        assertThat(img.raw().headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
    }

    @Test
    void vietnameseFileNamesDownloadUnderTheirOwnName() throws Exception {
        String id = submit();
        String pdf = attachment(id, "Giấy chứng sinh.pdf");
        var download = new Http(port).getAs("tiepnhan", "demo",
                "/api/v1/dossiers/" + id + "/attachments/" + pdf + "?download=true");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.raw().headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"giay-chung-sinh.pdf\"; "
                        + "filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh.pdf");
    }

    @Test
    void pagesAreForThoseWhoMaySeeTheDossier() throws Exception {
        String id = submit();
        String pdf = attachment(id, "Giấy chứng sinh.pdf");
        String path = "/api/v1/dossiers/" + id + "/attachments/" + pdf + "/pages/1";
        Http api = new Http(port);
        assertThat(api.getAs("congdan", "demo", path).status()).isEqualTo(200);
        assertThat(api.getAs("tiepnhan", "demo", path).status()).isEqualTo(200);
        assertThat(api.get(path).status()).isEqualTo(401);
        Http citizen = new Http(port);
        citizen.login("congdan", "demo");
        assertThat(citizen.get("/my/dossiers/" + id + "/attachments/" + pdf + "/pages/2").status()).isEqualTo(200);

        accounts.save("congdan2", "demo", "Lê Thị Hạnh", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        var other = api.getAs("congdan2", "demo", path);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).doesNotStartWith("image/");
        accounts.save("tiepnhan2", "demo", "Ngô Văn Khánh", Audience.OFFICER, Set.of(Role.RECEPTION_OFFICER), false);
        assertThat(api.getAs("tiepnhan2", "demo", path).status()).isEqualTo(403);
        // A file of one dossier is not reached through another.
        String otherId = submit();
        assertThat(api.getAs("tiepnhan", "demo", "/api/v1/dossiers/" + otherId + "/attachments/" + pdf + "/pages/1")
                .status()).isEqualTo(404);
    }

    private long logged(String id, String what) {
        return jdbc.sql("select count(*) from access_log where dossier_id = ? and what = ?")
                .params(UUID.fromString(id), what).query(Long.class).single();
    }
}
