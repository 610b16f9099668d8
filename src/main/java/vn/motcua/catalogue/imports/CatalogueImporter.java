package vn.motcua.catalogue.imports;

import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.catalogue.ProcessTemplate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalogue.Performer;
import vn.motcua.catalogue.ProcessStep;
import vn.motcua.catalogue.internal.Fold;
import vn.motcua.territory.AgencyLevel;

/**
 * Imports the national catalogue data shipped in {@code data/catalogue/}: the Ministry of Justice
 * and Ministry of Public Security detail files (JSONL) and the ministry lists (XLSX). Idempotent: a
 * fingerprint of the files is recorded, and a second run with the same files writes nothing. Each
 * procedure gets one published version valid from 2025-07-01 (source IMPORT) with a default internal
 * process; versions that already exist are never changed.
 */
@Component
public class CatalogueImporter implements vn.motcua.catalogue.CatalogueReferenceData {

    public static final LocalDate VALID_FROM = LocalDate.of(2025, 7, 1);
    /** Bump when the parser changes in a way that should re-read the files. */
    static final String PARSER_VERSION = "catalogue-import-2";
    static final String DIR = "data/catalogue/";
    static final Map<String, String> DETAIL_FILES = Map.of(
            "dvc_tthc_bo-tu-phap.jsonl.gz", "Bộ Tư pháp",
            "dvc_tthc_bo-cong-an.jsonl.gz", "Bộ Công an");
    static final Map<String, String> LIST_FILES = new LinkedHashMap<>();

    static {
        LIST_FILES.put("dvc_danh-sach-tthc-BoTuPhap.xlsx.gz", "Bộ Tư pháp");
        LIST_FILES.put("dvc_danh-sach-tthc-BoCongAn.xlsx.gz", "Bộ Công an");
        LIST_FILES.put("dvc_danh-sach-tthc-BoTaiChinh.xlsx.gz", "Bộ Tài chính");
        LIST_FILES.put("dvc_danh-sach-tthc-BoXayDung.xlsx.gz", "Bộ Xây dựng");
        LIST_FILES.put("dvc_danh-sach-tthc-NganhangNhanuocVietNam.xlsx.gz", "Ngân hàng Nhà nước Việt Nam");
        LIST_FILES.put("dvc_danh-sach-tthc-NongNghiepvaMoiTruong.xlsx.gz", "Bộ Nông nghiệp và Môi trường");
        LIST_FILES.put("dvc_toa-an-nhan-dan.xlsx.gz", "Tòa án nhân dân");
    }

    private static final Logger log = LoggerFactory.getLogger(CatalogueImporter.class);
    /** Review notes are stored as text in Vietnamese, the language of the admin pages, like the parser's. */
    private static final java.util.Locale VIETNAMESE = java.util.Locale.forLanguageTag("vi");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    private final vn.motcua.catalogue.internal.ProcedureSearch search;

    private final vn.motcua.catalogue.internal.CatalogueCache cache;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final java.time.Clock clock;
    private final MessageSource messages;

    public CatalogueImporter(JdbcClient jdbc, JsonMapper json, TransactionTemplate tx,
                             vn.motcua.catalogue.internal.ProcedureSearch search,
                             vn.motcua.catalogue.internal.CatalogueCache cache,
                             org.springframework.context.ApplicationEventPublisher events, java.time.Clock clock,
                             MessageSource messages) {
        this.messages = messages;
        this.clock = clock;
        this.events = events;
        this.search = search;
        this.cache = cache;
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
    }

    /** A procedure assembled from the lists and the details. */
    record Row0(String code, String name, String field, String levelText, List<AgencyLevel> levels, String ministry,
                String issuingBody, String performingBody, String applicants, String decisionNo, String source,
                JsonNode detail) {
    }

    /** The latest report, if an import ever ran. */
    public Optional<ImportReport> lastReport() {
        return jdbc.sql("select report::text from catalogue_import_run order by id desc limit 1")
                .query(String.class).optional().map(s -> json.readValue(s, ImportReport.class));
    }

    @Override
    public void ensureLoaded() {
        importAll();
    }

    /** Imports unless these files were already imported; cheap when already done. */
    public synchronized ImportReport importAll() {
        String fingerprint = fingerprint();
        Optional<String> done = jdbc.sql("select report::text from catalogue_import_run where fingerprint = :f order by id desc limit 1")
                .param("f", fingerprint).query(String.class).optional();
        if (done.isPresent()) {
            ImportReport last = json.readValue(done.get(), ImportReport.class);
            return new ImportReport(clock.instant(), clock.instant(), true, last.listedPerFile(), last.listed(),
                    last.detailed(), last.procedures(), 0, 0, last.timeParsed(), last.feesParsed(),
                    last.documentsParsed(), last.performerResolved(), last.flagged(), last.flags(), last.rejectedRows(),
                    last.refused());
        }
        ImportReport report = tx.execute(status -> run(fingerprint, CatalogueImporter::open));
        search.invalidate();
        cache.clearAfterCommit();
        events.publishEvent(new vn.motcua.catalogue.CatalogueChanged(List.of()));
        log.info(report.summary());
        return report;
    }

    /** Opens one of the data files by name (the gzipped class-path copies; tests give their own). */
    @FunctionalInterface
    interface DataFiles {
        InputStream open(String file) throws IOException;
    }

    /** One import in the caller's transaction. */
    ImportReport run(String fingerprint, DataFiles files) {
        Instant started = clock.instant();
        jdbc.sql("select pg_advisory_xact_lock(20001)").query(Object.class).optional();
        List<String> rejected = new ArrayList<>();
        Map<String, Integer> perFile = new LinkedHashMap<>();
        Map<String, Row0> rows = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : LIST_FILES.entrySet()) {
            perFile.put(e.getKey(), readList(files, e.getKey(), e.getValue(), rows, rejected));
        }
        int listed = rows.size();
        int detailed = 0;
        Map<String, ImportReport.Refusal> refused = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : DETAIL_FILES.entrySet()) {
            int before = refused.size();
            int n = readDetails(files, e.getKey(), e.getValue(), rows, rejected, refused);
            perFile.put(e.getKey(), n);
            detailed += n - (refused.size() - before);
        }
        int written = 0;
        int versions = 0;
        int timeParsed = 0;
        int feesParsed = 0;
        int docsParsed = 0;
        int performer = 0;
        List<ImportReport.Flag> flags = new ArrayList<>();
        for (Row0 r : rows.values()) {
            DetailParser.Parsed parsed = null;
            String legal = null;
            String result = null;
            String body = r.performingBody();
            if (r.detail() != null) {
                JsonNode d = r.detail();
                parsed = DetailParser.parse(text(d, "cach_thuc_thuc_hien"), text(d, "thanh_phan_ho_so"),
                        text(d, "can_cu_phap_ly"), text(d, "ket_qua_xu_ly"));
                legal = String.join("\n", parsed.legalBasis());
                result = parsed.result();
                String b = text(d, "co_quan_thuc_hien");
                if (b == null || Fold.fold(b).startsWith("khong co thong tin")) {
                    b = text(d, "co_quan_co_tham_quyen");
                }
                if (b != null && !b.isBlank() && !Fold.fold(b).startsWith("khong co thong tin")) {
                    body = b;
                }
                if (parsed.processingTime() != null) {
                    timeParsed++;
                }
                if (!parsed.fees().isEmpty()) {
                    feesParsed++;
                }
                if (!parsed.documents().isEmpty()) {
                    docsParsed++;
                }
            }
            Performer p = PerformerParser.parse(body, r.levels(), r.ministry());
            List<AgencyLevel> levels = r.levels().isEmpty() && p.level() != null ? List.of(p.level()) : r.levels();
            if (p.kind() != null) {
                performer++;
            }
            String levelText = r.levelText() != null ? r.levelText() : levelText(levels);
            written += upsertProcedure(r, levels, levelText, body, legal, result);
            List<String> notes = new ArrayList<>();
            ImportReport.Refusal refusal = refused.get(r.code());
            if (refusal != null) {
                notes.add(messages.getMessage("admin.catalogue.note.detailNameMismatch",
                        new Object[] {refusal.detailName()}, VIETNAMESE));
            }
            if (parsed != null) {
                notes.addAll(parsed.notes());
            } else {
                notes.add("Chỉ có trong danh sách: chưa có thành phần hồ sơ, thời hạn, phí");
            }
            if (r.detail() != null && p.kind() == null && !levels.contains(AgencyLevel.CENTRAL)) {
                notes.add("Không xác định được cơ quan thực hiện: " + body);
            }
            boolean flagged = (r.detail() != null || refusal != null) && !notes.isEmpty();
            if (flagged) {
                flags.add(new ImportReport.Flag(r.code(), r.name(), notes));
            }
            versions += createImportedVersion(r, parsed, p, notes, flagged);
        }
        ImportReport report = new ImportReport(started, clock.instant(), false, perFile, listed, detailed, rows.size(),
                written, versions, timeParsed, feesParsed, docsParsed, performer, flags.size(), flags, rejected,
                List.copyOf(refused.values()));
        jdbc.sql("insert into catalogue_import_run(started_at, finished_at, fingerprint, report) values (:s, :f, :fp, cast(:r as jsonb))")
                .param("s", java.sql.Timestamp.from(started)).param("f", java.sql.Timestamp.from(report.finishedAt()))
                .param("fp", fingerprint).param("r", json.writeValueAsString(report)).update();
        return report;
    }

    private static String levelText(List<AgencyLevel> levels) {
        return levels.stream().map(l -> switch (l) {
            case CENTRAL -> "Cấp bộ";
            case PROVINCE -> "Cấp tỉnh";
            case DISTRICT -> "Cấp huyện";
            case COMMUNE -> "Cấp xã";
        }).collect(Collectors.joining(", "));
    }

    private int upsertProcedure(Row0 r, List<AgencyLevel> levels, String levelText, String body, String legal,
                                String result) {
        String searchName = Fold.fold(r.name());
        String searchText = Fold.fold(r.name() + " " + nz(r.field()) + " " + nz(result));
        return jdbc.sql("""
                insert into catalogue_procedure(code, name, field, levels, level_text, ministry, issuing_body, performing_body,
                    applicant_types, legal_basis, result, decision_no, detailed, source, search_name, search_text)
                values (:code, :name, :field, :levels, :levelText, :ministry, :issuing, :body, :applicants, :legal, :result,
                    :decision, :detailed, :source, :searchName, :searchText)
                on conflict (code) do update set name = excluded.name, field = excluded.field, levels = excluded.levels,
                    level_text = excluded.level_text, ministry = excluded.ministry, issuing_body = excluded.issuing_body,
                    performing_body = excluded.performing_body, applicant_types = excluded.applicant_types,
                    legal_basis = excluded.legal_basis, result = excluded.result, decision_no = excluded.decision_no,
                    detailed = excluded.detailed, source = excluded.source, search_name = excluded.search_name,
                    search_text = excluded.search_text, updated_at = now()
                where (catalogue_procedure.name, catalogue_procedure.field, catalogue_procedure.levels,
                       catalogue_procedure.level_text, catalogue_procedure.performing_body, catalogue_procedure.result,
                       catalogue_procedure.legal_basis, catalogue_procedure.detailed, catalogue_procedure.search_text)
                  is distinct from (excluded.name, excluded.field, excluded.levels, excluded.level_text,
                       excluded.performing_body, excluded.result, excluded.legal_basis, excluded.detailed, excluded.search_text)
                """)
                .param("code", r.code()).param("name", r.name()).param("field", r.field())
                .param("levels", levels.stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("levelText", levelText).param("ministry", r.ministry()).param("issuing", r.issuingBody())
                .param("body", body).param("applicants", r.applicants()).param("legal", legal).param("result", result)
                .param("decision", r.decisionNo()).param("detailed", r.detail() != null).param("source", r.source())
                .param("searchName", searchName).param("searchText", searchText).update();
    }

    private int createImportedVersion(Row0 r, DetailParser.Parsed parsed, Performer p, List<String> notes,
                                      boolean flagged) {
        boolean exists = jdbc.sql("select exists(select 1 from catalogue_version where procedure_code = :c and source = 'IMPORT')")
                .param("c", r.code()).query(Boolean.class).single();
        if (exists) {
            return 0;
        }
        // an administrator's own published version may already cover the date: then the import is a draft
        boolean covered = jdbc.sql("""
                select exists(select 1 from catalogue_version where procedure_code = :c and status = 'PUBLISHED'
                  and daterange(valid_from, valid_to) && daterange(:d, null))""")
                .param("c", r.code()).param("d", Date.valueOf(VALID_FROM)).query(Boolean.class).single();
        int no = jdbc.sql("select coalesce(max(version_no), 0) + 1 from catalogue_version where procedure_code = :c")
                .param("c", r.code()).query(Integer.class).single();
        var time = parsed == null ? null : parsed.processingTime();
        List<ProcessStep> process = ProcessTemplate.defaultProcess(time);
        jdbc.sql("""
                insert into catalogue_version(id, procedure_code, version_no, status, valid_from, processing_amount,
                    processing_unit, processing_raw, online_level, channels, required_documents, fees, steps_text,
                    process, pause_policy, performer_text, performer_level, performer_kind, performer_sector,
                    needs_review, review_notes, source, published_at)
                values (:id, :code, :no, :status, :from, :amount, :unit, :raw, :online, cast(:channels as jsonb),
                    cast(:docs as jsonb), cast(:fees as jsonb), :steps, cast(:process as jsonb), 'PAUSE', :ptext, :plevel,
                    :pkind, :psector, :review, cast(:notes as jsonb), 'IMPORT', case when :status = 'PUBLISHED' then now() end)
                """)
                .param("id", UUID.randomUUID()).param("code", r.code()).param("no", no)
                .param("status", covered ? "DRAFT" : "PUBLISHED").param("from", Date.valueOf(VALID_FROM))
                .param("amount", time == null ? null : time.amount())
                .param("unit", time == null ? null : time.unit().name())
                .param("raw", parsed == null ? null : parsed.processingTimeText())
                .param("online", parsed == null ? "NONE" : parsed.onlineLevel().name())
                .param("channels", json.writeValueAsString(parsed == null ? List.of() : parsed.channels()))
                .param("docs", json.writeValueAsString(parsed == null ? List.of() : parsed.documents()))
                .param("fees", json.writeValueAsString(parsed == null ? List.of() : parsed.fees()))
                .param("steps", r.detail() == null ? null : text(r.detail(), "trinh_tu_thuc_hien"))
                .param("process", json.writeValueAsString(process))
                .param("ptext", p.text()).param("plevel", p.level() == null ? null : p.level().name())
                .param("pkind", p.kind() == null ? null : p.kind().name()).param("psector", p.sector())
                .param("review", flagged).param("notes", json.writeValueAsString(notes)).update();
        return 1;
    }

    // ---------------------------------------------------------------- reading files

    private int readList(DataFiles files, String file, String ministry, Map<String, Row0> rows, List<String> rejected) {
        int n = 0;
        DataFormatter fmt = new DataFormatter();
        try (InputStream in = files.open(file); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            boolean header = false;
            for (Row row : sheet) {
                String a = cell(fmt, row, 0);
                if (!header) {
                    header = a.equalsIgnoreCase("Mã số");
                    continue;
                }
                if (a.isBlank()) {
                    continue;
                }
                if (!ProcedureVersion.isCode(a)) {
                    rejected.add(file + " row " + (row.getRowNum() + 1) + ": code '" + a + "'");
                    continue;
                }
                n++;
                String name = cell(fmt, row, 1);
                String issuing = clean(cell(fmt, row, 2));
                String performing = clean(cell(fmt, row, 3));
                String field = clean(cell(fmt, row, 4));
                rows.putIfAbsent(a, new Row0(a, clean(name), field, null, List.of(), ministry, issuing, performing,
                        null, null, "LIST:" + file, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /**
     * Attaches each detail record to its code, unless its own name is another procedure's than the one the
     * list gives under that code: then the list's row stays as it is and the record goes to {@code refused}.
     */
    private int readDetails(DataFiles files, String file, String ministry, Map<String, Row0> rows,
                            List<String> rejected, Map<String, ImportReport.Refusal> refused) {
        int n = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(files.open(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode d = json.readTree(line);
                String code = text(d, "ma_thu_tuc");
                if (!ProcedureVersion.isCode(code)) {
                    rejected.add(file + ": code '" + code + "'");
                    continue;
                }
                n++;
                Row0 listedRow = rows.get(code);
                String name = clean(text(d, "ten_thu_tuc"));
                if (listedRow != null && name != null && !DetailNames.sameProcedure(listedRow.name(), name)) {
                    // the note quotes the name as written, not with clean()'s "; " for line breaks
                    String quoted = text(d, "ten_thu_tuc").replaceAll("\\s+", " ").strip();
                    refused.put(code, new ImportReport.Refusal(code, listedRow.name(), quoted));
                    log.warn("Catalogue import: {} \"{}\": {}", code, listedRow.name(), messages.getMessage(
                            "admin.catalogue.note.detailNameMismatch", new Object[] {quoted}, java.util.Locale.ENGLISH));
                    continue;
                }
                String levelText = text(d, "cap_thuc_hien");
                rows.put(code, new Row0(code, name != null ? name : listedRow == null ? null : listedRow.name(),
                        clean(text(d, "linh_vuc")), levelText,
                        PerformerParser.levels(levelText), ministry,
                        listedRow == null ? null : listedRow.issuingBody(),
                        listedRow == null ? null : listedRow.performingBody(),
                        clean(text(d, "doi_tuong_thuc_hien")), text(d, "so_quyet_dinh"), "DETAIL:" + file, d));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private static String cell(DataFormatter fmt, Row row, int i) {
        Cell c = row.getCell(i);
        return c == null ? "" : fmt.formatCellValue(c).strip();
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u00a0', ' ').replaceAll("\\s*\\n\\s*", "; ").replaceAll(" {2,}", " ").strip();
        return t.isEmpty() ? null : t;
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.asString();
        return s.isBlank() ? null : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static InputStream open(String file) throws IOException {
        return new GZIPInputStream(new ClassPathResource(DIR + file).getInputStream(), 1 << 16);
    }

    static String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(PARSER_VERSION.getBytes(StandardCharsets.UTF_8));
            List<String> files = new ArrayList<>(LIST_FILES.keySet());
            files.addAll(DETAIL_FILES.keySet().stream().sorted().toList());
            for (String f : files) {
                try (InputStream in = new ClassPathResource(DIR + f).getInputStream()) {
                    md.update(f.getBytes(StandardCharsets.UTF_8));
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
