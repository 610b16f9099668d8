package vn.motcua.assistant.training;

import vn.motcua.platform.time.VietnamTime;
import vn.motcua.calendar.WorkingTimeUnit;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.assistant.appraisal.AppraisalQueries;
import vn.motcua.assistant.appraisal.ProcedureRules;
import vn.motcua.assistant.appraisal.RuleBook;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.Fee;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.catalogue.RequiredDocument;
import vn.motcua.platform.api.ApiException;

/**
 * Training for new duties: the officer's queue, a briefing and a quiz per procedure (both generated from the
 * catalogue in force, the appraisal rules and history), completion, and the warning shown when a dossier of a
 * procedure is assigned to an officer who has not completed its training.
 */
@Service
public class TrainingService {

    static final java.time.ZoneId VN = VietnamTime.ZONE;

    private final TrainingQueries queries;
    private final Catalogue catalogue;
    private final RuleBook rules;
    private final AppraisalQueries history;
    private final Clock clock;
    private final boolean blocking;
    private final double passMark;

    TrainingService(TrainingQueries queries, Catalogue catalogue, RuleBook rules, AppraisalQueries history, Clock clock,
                    @Value("${motcua.training.block-untrained-assignment:false}") boolean blocking,
                    @Value("${motcua.training.pass-mark:0.8}") double passMark) {
        this.queries = queries;
        this.catalogue = catalogue;
        this.rules = rules;
        this.history = history;
        this.clock = clock;
        this.blocking = blocking;
        this.passMark = passMark;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VN);
    }

    public List<TrainingQueries.Assignment> queue(String username) {
        return queries.ofUser(username);
    }

    public List<TrainingQueries.Assignment> ofAgency(String agencyCode) {
        return queries.ofAgency(agencyCode);
    }

    ProcedureVersion version(String code) {
        return catalogue.versionInForce(code, today()).orElseThrow(() -> ApiException.notFound("training.procedure.unknown", code));
    }

    public Briefing briefing(String code) {
        ProcedureVersion v = version(code);
        List<String> docs = v.requiredDocuments().stream().map(TrainingService::document).toList();
        List<String> steps = v.process().stream().map(s -> s.order() + ". " + s.name()
                + (s.quota() == null ? "" : " — " + time(s.quota()))).toList();
        List<String> fees = v.fees().stream().map(TrainingService::fee).distinct().toList();
        ProcedureRules pr = rules.of(code);
        List<String> ruleLines = pr.rules().stream().map(r -> r.pass() + " — căn cứ: " + r.source()).toList();
        List<String> common = history.commonSupplementReasons(code, 5).stream()
                .map(e -> e.getKey() + " (" + e.getValue() + " lần)").toList();
        return new Briefing(code, v.name(), v.field(), docs, steps,
                v.processingTime() == null ? v.processingTimeText() : time(v.processingTime()), fees,
                v.legalBasis(), ruleLines, common);
    }

    static String document(RequiredDocument d) {
        String s = d.name().replaceFirst("^[-\\s]+", "");
        s = s.length() > 300 ? s.substring(0, 297) + "…" : s;
        return s + (d.count() > 0 ? " — " + d.count() + (d.form() == RequiredDocument.Form.COPY ? " bản sao" : " bản chính") : "")
                + (d.presentOnly() ? " (chỉ xuất trình)" : "")
                + (d.condition() != null ? " — " + d.condition() : "");
    }

    static String time(ProcessingTime t) {
        return t.amount() + (t.unit() == WorkingTimeUnit.WORKING_DAYS ? " ngày làm việc" : " giờ làm việc");
    }

    static String fee(Fee f) {
        if (f.free()) {
            return "Miễn phí";
        }
        if (f.amount() == null) {
            return f.description() == null ? "Không quy định" : f.description();
        }
        return String.format(java.util.Locale.ROOT, "%,d", f.amount()).replace(',', '.') + " đồng"
                + (f.channel() == null ? "" : " (" + channel(f.channel()) + ")");
    }

    private static String channel(String c) {
        return switch (c) {
            case "ONLINE" -> "nộp trực tuyến";
            case "IN_PERSON" -> "nộp trực tiếp";
            case "POST" -> "qua bưu chính";
            default -> c;
        };
    }

    /**
     * The quiz: up to five questions with three or four options each, from this procedure's facts; the wrong options
     * come from other procedures' facts. Deterministic for a procedure version (the same quiz until it changes).
     */
    public Quiz quiz(String code) {
        ProcedureVersion v = version(code);
        List<ProcedureVersion> others = catalogue.allInForce(today()).stream()
                .filter(o -> !o.code().equals(code)).limit(400).toList();
        Random random = new Random(v.versionId() == null ? code.hashCode() : v.versionId().getLeastSignificantBits());
        List<Quiz.Question> qs = new ArrayList<>();
        if (v.processingTime() != null) {
            List<String> wrong = others.stream().map(ProcedureVersion::processingTime).filter(java.util.Objects::nonNull)
                    .map(TrainingService::time).distinct().toList();
            question(qs, "time", "Thời hạn giải quyết thủ tục \"" + v.name() + "\" là bao lâu?", time(v.processingTime()),
                    wrong, random);
        }
        List<RequiredDocument> handedIn = v.requiredDocuments().stream().filter(d -> d.count() > 0 && !d.presentOnly()).toList();
        if (!handedIn.isEmpty()) {
            RequiredDocument d = handedIn.get(random.nextInt(handedIn.size()));
            Set<String> mine = new LinkedHashSet<>(v.requiredDocuments().stream().map(x -> shortDoc(x.name())).toList());
            List<String> wrong = others.stream().flatMap(o -> o.requiredDocuments().stream()).map(x -> shortDoc(x.name()))
                    .filter(n -> !mine.contains(n) && n.length() > 8).distinct().limit(200).toList();
            question(qs, "document", "Giấy tờ nào thuộc thành phần hồ sơ của thủ tục này?", shortDoc(d.name()), wrong, random);
        }
        List<String> fees = v.fees().stream().map(TrainingService::fee).distinct().toList();
        if (fees.size() == 1) {
            List<String> wrong = others.stream().flatMap(o -> o.fees().stream()).map(TrainingService::fee)
                    .filter(f -> !f.equals(fees.get(0)) && f.length() < 80).distinct().limit(100).toList();
            question(qs, "fee", "Phí, lệ phí của thủ tục này là bao nhiêu?", fees.get(0), wrong, random);
        }
        List<ProcedureRules.Rule> rs = rules.of(code).rules();
        List<String> otherSources = rules.all().values().stream().filter(p -> !code.equals(p.procedure()))
                .flatMap(p -> p.rules().stream()).map(ProcedureRules.Rule::source).distinct().toList();
        for (int i = 0; i < Math.min(2, rs.size()); i++) {
            ProcedureRules.Rule r = rs.get(i);
            question(qs, "rule-" + r.id(), "Căn cứ pháp lý của yêu cầu \"" + r.pass() + "\" là gì?", r.source(),
                    otherSources.stream().filter(s -> !s.equals(r.source())).toList(), random);
        }
        return new Quiz(code, qs);
    }

    private static String shortDoc(String name) {
        String s = name.replaceFirst("^[-\\s]+", "");
        int cut = s.indexOf(';');
        s = cut > 0 ? s.substring(0, cut) : s;
        return s.length() > 140 ? s.substring(0, 137) + "…" : s;
    }

    private static void question(List<Quiz.Question> qs, String id, String text, String right, List<String> wrongPool,
                                 Random random) {
        List<String> pool = new ArrayList<>(wrongPool.stream().filter(w -> !w.equals(right)).distinct().toList());
        if (pool.size() < 2) {
            return;
        }
        java.util.Collections.shuffle(pool, random);
        List<String> options = new ArrayList<>(pool.subList(0, Math.min(3, pool.size())));
        int at = random.nextInt(options.size() + 1);
        options.add(at, right);
        qs.add(new Quiz.Question(id, text, List.copyOf(options), at));
    }

    public record Outcome(int correct, int questions, boolean passed, List<String> wrong) {
    }

    /** Marks the answers (question id → chosen option index); completes the training when passed. */
    @Transactional
    public Outcome submit(String username, String code, Map<String, Integer> answers) {
        TrainingQueries.Assignment a = queries.of(username, code)
                .orElseThrow(() -> ApiException.notFound("training.notAssigned", code));
        Quiz quiz = quiz(code);
        int correct = 0;
        List<String> wrong = new ArrayList<>();
        for (Quiz.Question q : quiz.questions()) {
            Integer chosen = answers.get(q.id());
            if (chosen != null && chosen == q.correct()) {
                correct++;
            } else {
                wrong.add(q.id());
            }
        }
        int n = quiz.questions().size();
        boolean passed = n == 0 || correct >= Math.ceil(passMark * n);
        queries.attempt(a.username(), code, passed, correct, n, clock.instant());
        return new Outcome(correct, n, passed, wrong);
    }

    /**
     * @param blocking the setting {@code motcua.training.block-untrained-assignment}: whether such an assignment is refused
     * @param officerName and {@code procedureName}: given when the training is not completed
     */
    public record AssignmentCheck(String assignee, String procedureCode, boolean trained, boolean blocking, String message,
                                  String officerName, String procedureName) {
    }

    /** Whether {@code assignee} may be given a dossier of {@code procedureCode} without a warning. */
    public AssignmentCheck check(String assignee, String procedureCode) {
        Optional<TrainingQueries.Assignment> a = queries.of(assignee, procedureCode);
        boolean trained = a.isEmpty() || a.get().completed();
        if (trained) {
            return new AssignmentCheck(assignee, procedureCode, true, false, null, null, null);
        }
        String officer = a.get().officerName();
        String procedure = catalogue.versionInForce(procedureCode, today()).map(ProcedureVersion::name).orElse(procedureCode);
        String message = officer + " chưa hoàn thành bồi dưỡng thủ tục " + procedureCode
                + (blocking ? ": không thể phân công cho đến khi hoàn thành." : ": cân nhắc trước khi phân công.");
        return new AssignmentCheck(assignee, procedureCode, false, blocking, message, officer, procedure);
    }

    public boolean blocking() {
        return blocking;
    }

    @Transactional
    public int assign(UUID officerId, String username, String officerName, String procedureCode, String agencyCode,
                      String agencyName) {
        version(procedureCode);
        return queries.assign(officerId, username, officerName, procedureCode, agencyCode, agencyName, clock.instant());
    }
}
