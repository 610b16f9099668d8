package vn.motcua.platform.reading;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Tesseract settings for one A4 page scanned at 300 dpi (issue 19: ≤ 5 s on one core). Each setting reads the same
 * pages — an official document of 30 lines in 10-point type, drawn with DejaVu Sans, DejaVu Serif and Liberation
 * Serif, rotated, with 0.4 % noise — and prints the CPU time of the tesseract process ({@code /usr/bin/time}: user +
 * system, much less distorted by a busy machine than wall time) and the character accuracy against the drawn text
 * (1 − edit distance ÷ length, spaces collapsed). Run: {@code ./mvnw -Pbench test -Dtest=OcrSettingsBench}
 * ({@code -Docr.bench.rounds=3} repeats each). Prints; asserts nothing.
 */
public class OcrSettingsBench {

    public static final List<String> DOCUMENT = List.of(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "GIẤY CHỨNG SINH",
            "Họ và tên mẹ: Nguyễn Thị Hồng Nhung", "Năm sinh: 1994   Dân tộc: Kinh   Quốc tịch: Việt Nam",
            "Số định danh cá nhân: 079194012345", "Nơi đăng ký thường trú: 12 Lê Lợi, phường Sài Gòn, Thành phố Hồ Chí Minh",
            "Đã sinh con vào lúc 08 giờ 30 phút, ngày 14/03/2026", "Tại: Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh",
            "Số con trong lần sinh này: 01   Giới tính của con: Nam", "Cân nặng: 3.200 gam",
            "Dự định đặt tên con là: Trần Minh Khôi", "Người đỡ đẻ: Bác sĩ Lê Văn Thành",
            "Họ tên cha: Trần Quốc Bảo   Số định danh: 079092004567", "Ghi chú: sinh thường, mẹ và con khỏe mạnh",
            "Căn cứ Luật Hộ tịch số 60/2014/QH13 ngày 20 tháng 11 năm 2014", "Giấy này cấp cho người mẹ để làm thủ tục khai sinh",
            "Quyển số: 03/2026   Số: 1457", "Ngày 15 tháng 03 năm 2026", "Thủ trưởng cơ sở khám bệnh, chữa bệnh",
            "(Ký, ghi rõ họ tên, đóng dấu)", "Phạm Thị Ngọc Hân", "Người ghi phiếu: Đỗ Thị Tuyết",
            "Điện thoại liên hệ: 028 3839 2222", "Địa chỉ: 284 Cống Quỳnh, phường Bến Thành, Thành phố Hồ Chí Minh",
            "Bản chính lưu tại cơ sở, bản sao cấp cho gia đình", "Mã số cơ sở: 79-015", "Trang 1/1",
            "Đã đối chiếu với sổ theo dõi sinh", "Xác nhận của phòng Kế hoạch tổng hợp");

    record Setting(String name, List<String> args, int dpi, boolean binarise) {
    }

    static final List<Setting> SETTINGS = List.of(
            new Setting("vie, --psm 3 (before)", List.of("-l", "vie", "--psm", "3"), 300, false),
            new Setting("vie, --oem 1, --psm 3", List.of("-l", "vie", "--oem", "1", "--psm", "3"), 300, false),
            new Setting("vie, --oem 1, --psm 6", List.of("-l", "vie", "--oem", "1", "--psm", "6"), 300, false),
            new Setting("vie, --oem 1, --psm 4", List.of("-l", "vie", "--oem", "1", "--psm", "4"), 300, false),
            new Setting("vie, --oem 1, --psm 3, invert off", List.of("-l", "vie", "--oem", "1", "--psm", "3", "-c",
                    "tessedit_do_invert=0"), 300, false),
            new Setting("vie+eng, --oem 1, --psm 3", List.of("-l", "vie+eng", "--oem", "1", "--psm", "3"), 300, false),
            new Setting("vie, --oem 1, --psm 3, 200 dpi", List.of("-l", "vie", "--oem", "1", "--psm", "3"), 200, false),
            new Setting("vie, --oem 1, --psm 3, 200 dpi, invert off", List.of("-l", "vie", "--oem", "1", "--psm", "3", "-c",
                    "tessedit_do_invert=0"), 200, false),
            new Setting("vie, --oem 1, --psm 3, binarised in Java", List.of("-l", "vie", "--oem", "1", "--psm", "3"), 300, true));

    @Test
    void settings() throws Exception {
        int rounds = Integer.getInteger("ocr.bench.rounds", 1);
        Random r = new Random(19);
        List<BufferedImage> pages = new ArrayList<>();
        for (Path font : List.of(Scans.DEJAVU_SANS, Scans.DEJAVU_SERIF, Scans.LIBERATION_SERIF)) {
            pages.add(Scans.scan(DOCUMENT, 2480, 3508, 42f, (r.nextDouble() - 0.5) * 5, 0.004, r.nextLong(), font));
        }
        String truth = squeeze(String.join(" ", DOCUMENT));
        Path dir = Files.createTempDirectory("ocr-bench");
        System.out.printf("OcrSettingsBench: one A4 page at 300 dpi, 30 lines, 3 fonts, %d round(s); OMP_THREAD_LIMIT=1%n", rounds);
        System.out.printf("  %-48s %12s %12s %10s%n", "setting", "CPU s/page", "wall s/page", "accuracy");
        for (Setting s : SETTINGS) {
            double cpu = 0;
            double wall = 0;
            double accuracy = 0;
            int n = 0;
            for (int round = 0; round < rounds; round++) {
                for (int p = 0; p < pages.size(); p++) {
                    BufferedImage img = pages.get(p);
                    if (s.dpi() != 300) {
                        img = scale(img, s.dpi() / 300.0);
                    }
                    if (s.binarise()) {
                        img = otsu(img);
                    }
                    Path png = dir.resolve("page-" + p + ".png");
                    Files.write(png, Scans.png(img));
                    long t = System.nanoTime();
                    Run run = tesseract(png, s.args(), dir);
                    wall += (System.nanoTime() - t) / 1e9;
                    cpu += run.cpuSeconds();
                    accuracy += accuracy(truth, squeeze(run.text()));
                    n++;
                }
            }
            System.out.printf("  %-48s %12.2f %12.2f %9.1f %%%n", s.name(), cpu / n, wall / n, 100 * accuracy / n);
        }
    }

    record Run(String text, double cpuSeconds) {
    }

    static Run tesseract(Path png, List<String> args, Path dir) throws IOException, InterruptedException {
        Path times = dir.resolve("time.txt");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString(), "tesseract",
                png.toString(), "stdout"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("tesseract failed: " + cmd);
        }
        String[] t = Files.readString(times).strip().split("\\s+");
        return new Run(text, Double.parseDouble(t[0]) + Double.parseDouble(t[1]));
    }

    static BufferedImage scale(BufferedImage img, double f) {
        int w = (int) Math.round(img.getWidth() * f);
        int h = (int) Math.round(img.getHeight() * f);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Otsu's global threshold: the simplest binarisation a scanner pipeline would do. */
    static BufferedImage otsu(BufferedImage img) {
        var raster = img.getRaster();
        int w = img.getWidth();
        int h = img.getHeight();
        int[] hist = new int[256];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                hist[raster.getSample(x, y, 0)]++;
            }
        }
        long total = (long) w * h;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (double) i * hist[i];
        }
        double sumB = 0;
        long wB = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            wB += hist[t];
            if (wB == 0 || wB == total) {
                continue;
            }
            sumB += (double) t * hist[t];
            double mB = sumB / wB;
            double mF = (sum - sumB) / (total - wB);
            double between = (double) wB * (total - wB) * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var o = out.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                o.setSample(x, y, 0, raster.getSample(x, y, 0) > threshold ? 255 : 0);
            }
        }
        return out;
    }

    static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** 1 − Levenshtein(truth, got) ÷ length of the truth, floored at 0. */
    static double accuracy(String truth, String got) {
        int[] prev = new int[got.length() + 1];
        int[] cur = new int[got.length() + 1];
        for (int j = 0; j <= got.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= truth.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= got.length(); j++) {
                int cost = truth.charAt(i - 1) == got.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.max(0, 1 - (double) prev[got.length()] / truth.length());
    }
}
