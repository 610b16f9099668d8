package vn.motcua.catalogue.imports;

import vn.motcua.calendar.WorkingTimeUnit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.catalogue.Fee;
import vn.motcua.catalogue.OnlineLevel;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.catalogue.RequiredDocument;

/**
 * Parses the flattened HTML tables of the national portal's procedure pages, where table cells run
 * together without separators, e.g. {@code "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến7 Ngày làm
 * việc10,000 Việt Nam Đồng(...)Trực tiếp7 Ngày làm việc..."}. Whatever cannot be read with confidence
 * is kept verbatim and reported in {@link Parsed#notes()} so an administrator can review it.
 */
public final class DetailParser {

    private static final String NO_INFO = "Không có thông tin";
    private static final String CHANNEL_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả";
    private static final Pattern CHANNEL = Pattern.compile(
            "(Trực tuyến|Trực tiếp|Dịch vụ bưu chính(?: công ích)?)(?=\\s*(?:\\d|" + NO_INFO + "))");
    private static final Pattern TIME = Pattern.compile(
            "^\\s*(\\d+(?:[.,]\\d+)?)\\s*(Ngày làm việc|Giờ làm việc|Ngày|Giờ|Tháng|Năm|Phút)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern FEE = Pattern.compile(
            "^\\s*(?:(Miễn phí)|(" + NO_INFO + ")|([\\d.,]+)\\s*(Việt Nam Đồng|VNĐ|VND|USD|Đồng))");
    private static final String DOC_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
    private static final Pattern DOC_TOKEN = Pattern.compile(
            "(" + Pattern.quote(DOC_HEADER) + ")|(?<![(\\d])(\\d{1,2})\\s*(bản chính|bản sao)(?!\\s*hoặc)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TEMPLATE = Pattern.compile("\\.(docx?|pdf|xlsx?)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEGAL_CODE = Pattern.compile(
            "\\d+(?:\\.\\d+)?/(?:\\d{4}/)?[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*");

    private DetailParser() {
    }

    /** One submission channel as published. */
    public record Channel(String channel, String timeText, ProcessingTime time, String feeText, String description) {
    }

    public record Parsed(ProcessingTime processingTime, String processingTimeText, List<Channel> channels,
                         List<Fee> fees, List<RequiredDocument> documents, OnlineLevel onlineLevel,
                         List<String> legalBasis, String result, List<String> notes) {

        public boolean needsReview() {
            return !notes.isEmpty();
        }
    }

    public static Parsed parse(String channelsText, String documentsText, String legalText, String resultText) {
        List<String> notes = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        List<Fee> fees = new ArrayList<>();
        parseChannels(channelsText, channels, fees, notes);
        ProcessingTime time = null;
        String timeText = null;
        Channel chosen = channels.stream().filter(c -> c.channel().equals("IN_PERSON") && c.time() != null).findFirst()
                .orElse(channels.stream().filter(c -> c.time() != null).findFirst().orElse(null));
        if (chosen != null) {
            time = chosen.time();
            timeText = chosen.timeText();
            Set<ProcessingTime> distinct = new LinkedHashSet<>();
            channels.stream().filter(c -> c.time() != null).forEach(c -> distinct.add(c.time()));
            if (distinct.size() > 1) {
                notes.add("Thời hạn khác nhau theo hình thức nộp; đã lấy thời hạn nộp trực tiếp: " + distinct.stream()
                        .map(DetailParser::vietnamese).collect(java.util.stream.Collectors.joining(", ")));
            }
        } else {
            timeText = channels.stream().map(Channel::timeText).filter(t -> t != null && !t.isBlank()).findFirst()
                    .orElse(null);
            notes.add("Không đọc được thời hạn giải quyết: " + (timeText == null ? abbreviate(channelsText) : timeText));
        }
        List<RequiredDocument> documents = parseDocuments(documentsText, notes);
        boolean online = channels.stream().anyMatch(c -> c.channel().equals("ONLINE"));
        boolean presentInPerson = documents.stream().anyMatch(RequiredDocument::presentOnly);
        OnlineLevel level = !online ? OnlineLevel.NONE : presentInPerson ? OnlineLevel.PARTIAL : OnlineLevel.FULL;
        return new Parsed(time, timeText, channels, fees, documents, level, parseLegal(legalText),
                parseResult(resultText), notes);
    }

    // ---------------------------------------------------------------- channels, time, fees

    static void parseChannels(String text, List<Channel> channels, List<Fee> fees, List<String> notes) {
        if (text == null || text.isBlank()) {
            notes.add("Không có bảng cách thức thực hiện");
            return;
        }
        String body = text.startsWith(CHANNEL_HEADER) ? text.substring(CHANNEL_HEADER.length()) : text;
        Matcher m = CHANNEL.matcher(body);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
        }
        if (starts.isEmpty()) {
            notes.add("Không tách được hình thức nộp: " + abbreviate(text));
            return;
        }
        for (int i = 0; i < starts.size(); i++) {
            String name = body.substring(starts.get(i)[0], starts.get(i)[1]);
            String seg = body.substring(starts.get(i)[1], i + 1 < starts.size() ? starts.get(i + 1)[0] : body.length());
            String channel = name.startsWith("Trực tuyến") ? "ONLINE" : name.startsWith("Trực tiếp") ? "IN_PERSON" : "POST";
            String timeText;
            ProcessingTime time = null;
            String rest;
            if (seg.stripLeading().startsWith(NO_INFO)) {
                timeText = NO_INFO;
                rest = seg.stripLeading().substring(NO_INFO.length());
            } else {
                Matcher t = TIME.matcher(seg);
                if (!t.find()) {
                    notes.add("Không đọc được thời hạn (" + name + "): " + abbreviate(seg));
                    channels.add(new Channel(channel, null, null, null, seg.strip()));
                    continue;
                }
                timeText = t.group(0).strip();
                rest = seg.substring(t.end());
                String unit = t.group(2);
                if (unit == null && rest.matches("(?s)^\\s*(Việt Nam Đồng|VNĐ|USD).*")) {
                    notes.add("Thời hạn và phí dính liền, không tách được (" + name + "): " + abbreviate(seg));
                    channels.add(new Channel(channel, timeText, null, null, seg.strip()));
                    continue;
                }
                time = toTime(t.group(1), unit, name, notes);
            }
            // fee
            String feeText = null;
            String description = rest;
            Matcher f = FEE.matcher(rest);
            if (f.find()) {
                feeText = f.group(0).strip();
                description = rest.substring(f.end());
                String feeDescription = null;
                if (description.startsWith("(")) {
                    int close = matchingParen(description);
                    feeDescription = description.substring(1, close < 0 ? description.length() : close).strip();
                    description = close < 0 ? "" : description.substring(close + 1);
                }
                if (f.group(1) != null) {
                    fees.add(new Fee(channel, null, null, true, feeDescription));
                } else if (f.group(3) != null) {
                    Long amount = parseAmount(f.group(3));
                    String currency = f.group(4).equals("USD") ? "USD" : "VND";
                    if (amount == null) {
                        notes.add("Không đọc được mức phí (" + name + "): " + feeText);
                    } else if (currency.equals("VND") && amount < 1000 && amount > 0) {
                        notes.add("Mức phí " + feeText + " (" + name + ") có vẻ tính bằng nghìn đồng; cần kiểm tra");
                    }
                    fees.add(new Fee(channel, amount, currency, false, feeDescription));
                } else if (feeDescription != null) {
                    fees.add(new Fee(channel, null, null, false, feeDescription));
                }
            } else {
                notes.add("Không đọc được phí, lệ phí (" + name + "): " + abbreviate(rest));
            }
            channels.add(new Channel(channel, timeText, time, feeText, description.strip()));
        }
    }

    static ProcessingTime toTime(String number, String unit, String channel, List<String> notes) {
        BigDecimal n;
        try {
            n = new BigDecimal(number.replace(',', '.'));
        } catch (NumberFormatException e) {
            notes.add("Không đọc được thời hạn (" + channel + "): " + number);
            return null;
        }
        String u = unit == null ? "" : unit.toLowerCase(java.util.Locale.ROOT);
        if (u.isEmpty()) {
            notes.add("Thời hạn \"" + number + "\" không có đơn vị (" + channel + "); coi là ngày làm việc");
            u = "ngày làm việc";
        }
        if (u.equals("ngày làm việc")) {
            if (n.stripTrailingZeros().scale() <= 0) {
                return ProcessingTime.workingDays(n.intValueExact());
            }
            return ProcessingTime.workingHours(n.multiply(BigDecimal.valueOf(ProcessingTime.HOURS_PER_WORKING_DAY))
                    .setScale(0, java.math.RoundingMode.HALF_UP).intValue());
        }
        if (u.startsWith("giờ")) {
            if (u.equals("giờ")) {
                notes.add("Thời hạn \"" + number + " giờ\" (" + channel + ") coi là giờ làm việc");
            }
            return ProcessingTime.workingHours(n.setScale(0, java.math.RoundingMode.CEILING).intValue());
        }
        notes.add("Thời hạn \"" + number + " " + unit + "\" (" + channel
                + ") không tính bằng ngày/giờ làm việc; giữ nguyên văn bản");
        return null;
    }

    static Long parseAmount(String s) {
        String digits = s.replaceAll("[.,](?=\\d{3}(\\D|$))", "");
        try {
            return new BigDecimal(digits.replace(',', '.')).longValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int matchingParen(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- documents

    static List<RequiredDocument> parseDocuments(String text, List<String> notes) {
        List<RequiredDocument> out = new ArrayList<>();
        if (text == null || text.isBlank() || text.strip().equals(NO_INFO)) {
            notes.add("Không có thành phần hồ sơ");
            return out;
        }
        Matcher m = DOC_TOKEN.matcher(text);
        int pos = 0;
        String condition = null;
        boolean presentOnly = false;
        boolean sawHeader = false;
        while (m.find()) {
            String segment = text.substring(pos, m.start()).strip();
            pos = m.end();
            if (m.group(1) != null) {
                sawHeader = true;
                // a heading: "* Giấy tờ phải nộp:", "* Giấy tờ phải xuất trình:" or a case description
                String heading = segment;
                if (heading.contains("phải xuất trình")) {
                    presentOnly = true;
                    heading = heading.replaceFirst("\\*?\\s*Giấy tờ phải xuất trình:?", "");
                } else if (heading.contains("phải nộp")) {
                    presentOnly = false;
                    heading = heading.replaceFirst("\\*?\\s*Giấy tờ phải nộp:?", "");
                }
                heading = heading.replaceAll("^[-\\s*]+", "").strip();
                condition = heading.isEmpty() ? null : heading;
                continue;
            }
            if (segment.isEmpty()) {
                continue;
            }
            int count = Integer.parseInt(m.group(2));
            RequiredDocument.Form form = m.group(3).toLowerCase(java.util.Locale.ROOT).endsWith("sao")
                    ? RequiredDocument.Form.COPY : RequiredDocument.Form.ORIGINAL;
            String name = segment;
            String template = null;
            if (TEMPLATE.matcher(name).find()) {
                int cut = templateStart(name);
                if (cut > 0) {
                    template = name.substring(cut).strip();
                    name = name.substring(0, cut).strip();
                }
            }
            name = name.replaceAll("^[-+•\\s]+", "").strip();
            if (name.isEmpty()) {
                continue;
            }
            out.add(new RequiredDocument(name, count, form, template, condition, presentOnly));
        }
        String tail = text.substring(pos).strip();
        if (out.isEmpty()) {
            notes.add("Không tách được thành phần hồ sơ: " + abbreviate(text));
        } else if (!tail.isEmpty() && tail.length() > 3 && !sawHeaderTail(tail)) {
            notes.add("Phần cuối thành phần hồ sơ không có số lượng: " + abbreviate(tail));
        }
        if (!sawHeader && !out.isEmpty()) {
            notes.add("Thành phần hồ sơ không có tiêu đề bảng; cần kiểm tra");
        }
        return out;
    }

    private static boolean sawHeaderTail(String tail) {
        return tail.equals(NO_INFO);
    }

    /** Where a run-together template file name starts: after the last lower-case→upper-case joint. */
    static int templateStart(String s) {
        int cut = -1;
        for (int i = 1; i < s.length(); i++) {
            char p = s.charAt(i - 1);
            char c = s.charAt(i);
            if ((Character.isLowerCase(p) || p == ')' || p == '.' || p == ':') && Character.isUpperCase(c)) {
                cut = i;
            }
        }
        return cut;
    }

    // ---------------------------------------------------------------- legal basis, result

    static List<String> parseLegal(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String body = text.replaceFirst("^Tên văn bản pháp lýMã văn bản", "");
        Matcher m = LEGAL_CODE.matcher(body);
        int pos = 0;
        while (m.find()) {
            // the code column follows the name directly: an entry ends with a code that is followed
            // by an upper-case letter (the next name) or the end
            int end = m.end();
            // "QH14Thông tư": the code's last capital letter really starts the next name
            if (end < body.length() && Character.isLowerCase(body.charAt(end)) && end - 1 > m.start()
                    && Character.isUpperCase(body.charAt(end - 1))) {
                end--;
            }
            boolean boundary = end >= body.length() || Character.isUpperCase(body.charAt(end))
                    || Character.isWhitespace(body.charAt(end));
            if (!boundary) {
                continue;
            }
            String entry = body.substring(pos, end).strip();
            if (!entry.isEmpty() && end - pos > end - m.start()) {
                out.add(entry);
                pos = end;
            }
        }
        String tail = body.substring(pos).strip();
        if (!tail.isEmpty()) {
            out.add(tail);
        }
        return out;
    }

    static String parseResult(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int cut = text.indexOf("Từ khóa");
        String body = cut >= 0 ? text.substring(0, cut) : text;
        String joined = body.replaceAll("Mã: KQ[.\\w]*", "; ").replaceAll("(;\\s*)+", "; ").strip();
        joined = joined.replaceAll("[;\\s]+$", "");
        return joined.isEmpty() || joined.equals(NO_INFO) ? null : joined;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        return t.length() <= 160 ? t : t.substring(0, 157) + "...";
    }

    /** A processing time as the admin pages say it: "10 ngày làm việc", "4 giờ làm việc". */
    static String vietnamese(ProcessingTime t) {
        return t.amount() + (t.unit() == WorkingTimeUnit.WORKING_DAYS ? " ngày làm việc" : " giờ làm việc");
    }
}
