package vn.motcua.assistant.appraisal;

import vn.motcua.platform.time.VietnamTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.assistant.appraisal.Appraisal.DocumentCheck;
import vn.motcua.assistant.appraisal.Appraisal.Finding;
import vn.motcua.assistant.appraisal.Appraisal.FindingKind;
import vn.motcua.assistant.appraisal.Appraisal.Kind;
import vn.motcua.assistant.appraisal.Appraisal.Status;
import vn.motcua.assistant.appraisal.Appraisal.Suggestion;
import vn.motcua.assistant.appraisal.Appraisal.SupplementItem;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.catalogue.RequiredDocument;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;

/**
 * Builds a dossier's appraisal from stored facts only (the catalogue version in force at receipt, the rules, the
 * readings already made in the background, other dossiers): no OCR here, so it answers within a request.
 */
@Service
public class AppraisalService {

    static final ZoneId VN = VietnamTime.ZONE;

    private final Catalogue catalogue;
    private final RuleBook rules;
    private final AppraisalQueries queries;
    private final JsonMapper json;
    private final Clock clock;
    /** The same subject already registered: the dossier compares the blind indexes of the subject (form encrypted). */
    private final vn.motcua.dossier.DossierSubjects subjects;

    AppraisalService(Catalogue catalogue, RuleBook rules, AppraisalQueries queries, JsonMapper json, Clock clock,
                     vn.motcua.dossier.DossierSubjects subjects) {
        this.subjects = subjects;
        this.catalogue = catalogue;
        this.rules = rules;
        this.queries = queries;
        this.json = json;
        this.clock = clock;
    }

    /** The appraisal; while the dossier awaits reception, the suggestion is recorded when it changed. */
    @Transactional
    public Appraisal appraise(Dossier d) {
        Appraisal a = compute(d);
        if (d.state() == DossierState.SUBMITTED || d.state() == DossierState.TRIAGE) {
            record(d, a.suggestion());
        }
        return a;
    }

    Appraisal compute(Dossier d) {
        LocalDate receivedOn = LocalDate.ofInstant(d.receivedAt(), VN);
        ProcedureVersion version = catalogue.versionInForce(d.procedureCode(), receivedOn).orElse(null);
        ProcedureRules pr = rules.of(d.procedureCode());
        Map<String, Object> form = d.form() == null ? Map.of() : d.form();

        List<AppraisalQueries.Attachment> files = queries.attachments(d.id());
        Map<String, AppraisalQueries.Reading> readings = queries.readings(files.stream()
                .map(AppraisalQueries.Attachment::sha256).distinct().toList());
        boolean pending = files.stream().anyMatch(f -> {
            AppraisalQueries.Reading r = readings.get(f.sha256());
            return r == null || "PENDING".equals(r.status());
        });

        List<DocumentCheck> documents = version == null ? List.of()
                : completeness(version.requiredDocuments(), pr, form, receivedOn, files, readings);
        List<RuleResult> ruleResults = RuleEngine.evaluate(pr, form, receivedOn);

        List<Finding> findings = new ArrayList<>();
        List<Consistency.Text> texts = new ArrayList<>();
        java.util.Set<String> photos = DocumentMatcher.photoFiles(pr, files);
        for (AppraisalQueries.Attachment f : files) {
            AppraisalQueries.Reading r = readings.get(f.sha256());
            if (r == null || "PENDING".equals(r.status()) || photos.contains(f.fileName())) {
                continue;
            }
            switch (r.status()) {
                case "READ" -> {
                    // only documents recognised as one of the procedure's (a stray file says nothing about the form)
                    if (recognised(documents, f.fileName())) {
                        texts.add(new Consistency.Text(f.fileName(), r.text()));
                    }
                }
                case "OCR_UNAVAILABLE" -> findings.add(new Finding(FindingKind.OCR_UNAVAILABLE, null, null, f.fileName(),
                        "OCR không khả dụng: chưa đọc được tệp " + f.fileName() + ", cán bộ cần tự đối chiếu."));
                default -> findings.add(new Finding(FindingKind.UNREADABLE, null, null, f.fileName(),
                        "Không đọc được nội dung tệp " + f.fileName() + " (ảnh mờ, trống hoặc không đúng định dạng)."));
            }
        }
        findings.addAll(Consistency.compare(pr.identity(), form, texts));

        // the subject's keys were indexed by the dossier when it stored the form (SubjectKeysFromRules)
        var duplicates = new Appraisal.Duplicates(
                queries.openOfSameApplicant(d.id(), d.procedureCode(), d.applicant().personalId(), d.submittedBy()),
                pr.subject().isEmpty() ? List.of() : subjects.sameSubject(d.id(), 5).stream()
                        .map(m -> new AppraisalQueries.OtherDossier(m.id(), m.code(), m.receiptNumber(),
                                m.state().name(), m.receivedAt())).toList(),
                d.agencyCode() == null ? Map.of() : queries.agencyOutcomes(d.procedureCode(), d.agencyCode()));

        return new Appraisal(d.id(), d.procedureCode(), d.procedureName(), documents, ruleResults, findings, duplicates,
                suggest(documents, ruleResults, findings, duplicates), pending, pr != ProcedureRules.NONE);
    }

    static List<DocumentCheck> completeness(List<RequiredDocument> required, ProcedureRules pr, Map<String, Object> form,
                                            LocalDate receivedOn, List<AppraisalQueries.Attachment> files,
                                            Map<String, AppraisalQueries.Reading> readings) {
        List<DocumentCheck> out = new ArrayList<>();
        String caseText = pr.caseText(form);
        for (RequiredDocument doc : required) {
            if (DocumentMatcher.letters(doc.name()) < 6 || (doc.condition() != null && doc.condition().strip().startsWith("Lưu ý"))) {
                continue; // a note of the published text, not a document
            }
            ProcedureRules.DocumentHint hint = DocumentMatcher.hint(pr, doc);
            if (DocumentMatcher.isTheForm(doc)) {
                out.add(form.isEmpty() ? new DocumentCheck(doc.name(), Status.MISSING, List.of(), null)
                        : new DocumentCheck(doc.name(), Status.PRESENT, List.of("Tờ khai điện tử"), null));
                continue;
            }
            String explain = hint != null && hint.explain() != null ? hint.explain() : doc.condition();
            if (doc.count() == 0) {
                out.add(new DocumentCheck(doc.name(), Status.NOT_REQUIRED, List.of(),
                        explain != null ? explain : "không phải nộp khi cơ quan khai thác được dữ liệu điện tử"));
                continue;
            }
            if (doc.presentOnly()) {
                out.add(new DocumentCheck(doc.name(), Status.NOT_REQUIRED, List.of(),
                        "chỉ xuất trình bản chính khi cần đối chiếu, không phải nộp"));
                continue;
            }
            List<String> keywords = new ArrayList<>(DocumentMatcher.keywords(doc, hint));
            keywords.addAll(DocumentMatcher.namedBy(hint, form));
            List<AppraisalQueries.Attachment> matched = files.stream().filter(f -> {
                AppraisalQueries.Reading r = readings.get(f.sha256());
                return DocumentMatcher.matches(keywords, f.fileName(), r == null ? null : r.text());
            }).toList();
            if (!matched.isEmpty()) {
                boolean allReused = matched.stream().allMatch(AppraisalQueries.Attachment::reused);
                out.add(new DocumentCheck(doc.name(), allReused ? Status.REUSED : Status.PRESENT,
                        DocumentMatcher.fileNames(matched), null));
            } else if (hint != null && hint.when() != null) {
                Boolean needed = RuleEngine.holds(hint.when(), form, receivedOn);
                out.add(new DocumentCheck(doc.name(), Boolean.TRUE.equals(needed) ? Status.MISSING : Status.NOT_REQUIRED,
                        List.of(), explain));
            } else if (hint != null && hint.explain() != null) {
                out.add(new DocumentCheck(doc.name(), Status.NOT_REQUIRED, List.of(), hint.explain()));
            } else if (doc.condition() != null && !DocumentMatcher.mainCase(doc.condition(), caseText)) {
                out.add(new DocumentCheck(doc.name(), Status.NOT_REQUIRED, List.of(), "chỉ khi: " + doc.condition().strip()));
            } else if (DocumentMatcher.conditional(doc.name())) {
                out.add(new DocumentCheck(doc.name(), Status.NOT_REQUIRED, List.of(), "chỉ khi: " + DocumentMatcher.firstClause(doc.name())));
            } else {
                out.add(new DocumentCheck(doc.name(), Status.MISSING, List.of(), doc.condition()));
            }
        }
        return out;
    }

    static boolean recognised(List<DocumentCheck> documents, String fileName) {
        return documents.stream().anyMatch(d -> (d.status() == Status.PRESENT || d.status() == Status.REUSED)
                && d.files().contains(fileName));
    }

    static Suggestion suggest(List<DocumentCheck> documents, List<RuleResult> rules, List<Finding> findings,
                              Appraisal.Duplicates duplicates) {
        List<String> refuse = new ArrayList<>();
        rules.stream().filter(r -> r.result() == RuleResult.Result.FAIL && r.severity() == ProcedureRules.Severity.BLOCKING)
                .forEach(r -> refuse.add(r.message() + " (" + r.source() + ")"));
        duplicates.sameSubject().forEach(o -> refuse.add("Đã có hồ sơ cho cùng đối tượng: "
                + Objects.requireNonNullElse(o.code(), o.receiptNumber()) + "."));
        duplicates.openOfSameApplicant().forEach(o -> refuse.add("Người nộp đang có hồ sơ khác của thủ tục này chưa giải quyết xong: "
                + Objects.requireNonNullElse(o.code(), o.receiptNumber()) + "."));
        if (!refuse.isEmpty()) {
            return new Suggestion(Kind.REFUSE_RISK, refuse, List.of());
        }
        List<SupplementItem> draft = new ArrayList<>();
        documents.stream().filter(d -> d.status() == Status.MISSING).forEach(d -> draft.add(new SupplementItem(
                shortName(d.name()), d.condition() == null ? "Chưa có trong hồ sơ." : "Chưa có trong hồ sơ (" + d.condition() + ").")));
        rules.stream().filter(r -> r.result() == RuleResult.Result.FAIL && r.severity() == ProcedureRules.Severity.SUPPLEMENT)
                .forEach(r -> draft.add(new SupplementItem("Tờ khai", r.message())));
        findings.stream().filter(f -> f.kind() == FindingKind.DISAGREES || f.kind() == FindingKind.NOT_FOUND)
                .forEach(f -> draft.add(new SupplementItem(f.file() == null ? "Giấy tờ chứng minh " + lower(f.label()) : f.file(),
                        f.message())));
        findings.stream().filter(f -> f.kind() == FindingKind.UNREADABLE)
                .forEach(f -> draft.add(new SupplementItem(f.file(), "Tệp không đọc được — nộp lại bản chụp rõ nét.")));
        if (!draft.isEmpty()) {
            return new Suggestion(Kind.SUPPLEMENT, draft.stream().map(i -> "Cần bổ sung: " + i.document() + " — " + i.reason()).toList(),
                    draft);
        }
        List<String> ok = new ArrayList<>(List.of("Đủ điều kiện tiếp nhận: đủ thành phần hồ sơ, các quy tắc kiểm tra không phát hiện vấn đề."));
        rules.stream().filter(r -> r.result() == RuleResult.Result.FAIL && r.severity() == ProcedureRules.Severity.NOTE)
                .forEach(r -> ok.add("Lưu ý: " + r.message()));
        return new Suggestion(Kind.ACCEPT, ok, List.of());
    }

    private static String shortName(String name) {
        String s = name.replaceFirst("^[-\\s]+", "");
        int cut = s.indexOf(';');
        s = cut > 0 ? s.substring(0, cut) : s;
        return s.length() > 160 ? s.substring(0, 157) + "…" : s;
    }

    private static String lower(String label) {
        return label == null || label.isEmpty() ? "" : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    private void record(Dossier d, Suggestion s) {
        String reasons = json.writeValueAsString(s.reasons());
        String fingerprint = s.kind() + ":" + Integer.toHexString(reasons.hashCode());
        var last = queries.lastSuggestion(d.id());
        if (last.isPresent() && last.get().decision() == null && last.get().fingerprint().equals(fingerprint)) {
            return;
        }
        queries.recordSuggestion(d.id(), d.procedureCode(), d.agencyCode(), s.kind().name(), reasons, fingerprint,
                clock.instant());
    }

    /** Records the officer's reception decision against the latest suggestion. */
    @Transactional
    /** The reception decision a state reached from awaiting reception stands for, or null (not a decision). */
    static String decision(DossierState to) {
        return to == null ? null : switch (to) {
            case ACCEPTED -> "ACCEPTED";
            case SUPPLEMENT_REQUESTED -> "SUPPLEMENT_REQUESTED";
            case REFUSED -> "REFUSED";
            default -> null;
        };
    }

    public boolean decided(java.util.UUID dossierId, String decision, java.time.Instant at) {
        return queries.recordDecision(dossierId, decision, at);
    }
}
