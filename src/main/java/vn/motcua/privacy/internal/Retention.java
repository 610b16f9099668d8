package vn.motcua.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.HistoryAnonymisation;
import vn.motcua.privacy.RetainedDossiers;
import vn.motcua.privacy.RetainedNotices;
import vn.motcua.privacy.RetainedQuestions;
import vn.motcua.privacy.RetainedReadings;
import vn.motcua.platform.api.ApiException;

/**
 * Retention of closed dossiers (through the dossier module's {@link RetainedDossiers}) and of closed questions
 * (through the questions module's {@link RetainedQuestions}): per procedure a period after closing (a default '*' and overrides, with their legal
 * basis; none = kept permanently). A dry run lists the closed dossiers past their period and records the list; its
 * execution anonymises exactly those still due (personal columns cleared, attachments and result files deleted) and
 * records what it did. Runs and their items are append-only. One node at a time (a transaction-level advisory lock),
 * like the other jobs; the scheduled run ({@code motcua.privacy.retention.cron}, off by default) does both steps.
 */
@Service("retention")
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final long LOCK = 0x6d6f74637561_5245L; // "motcua" + "RE": the retention job's advisory lock
    static final int MAX = 5000;

    private final RetentionStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    private final HistoryAnonymisation history;
    /** Implemented above privacy (dossier, questions, notify, appraisal): absent where privacy is booted alone. */
    private final ObjectProvider<RetainedDossiers> dossiers;
    private final ObjectProvider<RetainedQuestions> questions;
    private final ObjectProvider<RetainedNotices> notices;
    private final ObjectProvider<RetainedReadings> readings;
    private final int questionYears;

    Retention(RetentionStore store, JdbcClient jdbc, Clock clock,
              org.springframework.transaction.PlatformTransactionManager transactions, HistoryAnonymisation history,
              ObjectProvider<RetainedDossiers> dossiers, ObjectProvider<RetainedQuestions> questions,
              ObjectProvider<RetainedNotices> notices, ObjectProvider<RetainedReadings> readings,
              @Value("${motcua.privacy.retention.question-years:5}") int questionYears) {
        this.dossiers = dossiers;
        this.readings = readings;
        this.questions = questions;
        this.notices = notices;
        this.questionYears = questionYears;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.history = history;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Item(UUID dossierId, String code, String procedureCode, Instant closedAt, LocalDate retainedUntil,
                       int attachments) {
    }

    /** A closed question past its period ({@code motcua.privacy.retention.question-years}, 5 by default). */
    public record QuestionItem(UUID questionId, String code, Instant closedAt, LocalDate retainedUntil) {
    }

    /** @param questions the closed questions listed or anonymised (null in a list of runs, as {@code items}) */
    public record Run(UUID id, String mode, UUID dryRunId, Instant at, LocalDate asOf, String requestedBy,
                      int dossiers, int attachments, List<Item> items, List<QuestionItem> questions) {
    }

    public record Rule(String procedureCode, Integer years, String legalBasis, String note) {
    }

    @Transactional(readOnly = true)
    public List<Rule> rules() {
        return store.rules().stream().map(r -> new Rule(r.procedureCode(), r.years(), r.legalBasis(), r.note())).toList();
    }

    /** The rule that applies to a procedure: its own, else the default. */
    @Transactional(readOnly = true)
    public Rule ruleFor(String procedureCode) {
        List<Rule> all = rules();
        return all.stream().filter(r -> r.procedureCode().equals(procedureCode)).findFirst()
                .or(() -> all.stream().filter(r -> r.procedureCode().equals("*")).findFirst()).orElse(null);
    }

    /** Sets the period of a procedure ('*' the default); years null keeps its dossiers permanently. */
    @Transactional
    public void setRule(String procedureCode, Integer years, String legalBasis, String note) {
        if (procedureCode == null || !procedureCode.matches("\\*|[0-9]\\.[0-9]{6}")) {
            throw ApiException.unprocessable("privacy.retention.procedure");
        }
        if (years != null && (years < 1 || years > 200)) {
            throw ApiException.unprocessable("privacy.retention.years");
        }
        if (legalBasis == null || legalBasis.isBlank() || legalBasis.length() > 500) {
            throw ApiException.unprocessable("privacy.retention.legalBasis");
        }
        if ("*".equals(procedureCode) && years == null) {
            throw ApiException.unprocessable("privacy.retention.defaultPermanent");
        }
        store.setRule(procedureCode, years, legalBasis.strip(), note);
    }

    /** Records and returns what an execution now would do, as of the instant's Vietnam date. */
    @Transactional
    public Run dryRun(Instant now, String by) {
        lock();
        LocalDate asOf = LocalDate.ofInstant(now, DataRequests.VN);
        RetainedDossiers owner = dossiers.getIfAvailable();
        List<RetainedDossiers.Due> due = owner == null ? List.of() : owner.due(asOf, periods(), MAX);
        UUID id = UUID.randomUUID();
        store.insertRun(id, "DRY_RUN", null, now, asOf, by, due.size(),
                due.stream().mapToInt(RetainedDossiers.Due::attachments).sum());
        due.forEach(d -> store.insertItem(id, d));
        questions.ifAvailable(q -> q.due(asOf, questionYears, MAX).forEach(d -> store.insertQuestionItem(id, d)));
        return run(id);
    }

    /**
     * Carries out a dry run: anonymises each dossier it listed that is still closed, past its period and not
     * anonymised (as of {@code now}); once per dry run (409 for a second time).
     */
    @Transactional
    public Run execute(UUID dryRunId, Instant now, String by) {
        lock();
        RetentionStore.Run dry = store.run(dryRunId).filter(r -> "DRY_RUN".equals(r.mode()))
                .orElseThrow(() -> ApiException.notFound("privacy.retention.notFound"));
        if (store.executed(dryRunId)) {
            throw ApiException.conflict("privacy.retention.executed");
        }
        LocalDate asOf = LocalDate.ofInstant(now, DataRequests.VN);
        List<RetainedDossiers.Due> done = new ArrayList<>();
        int files = 0;
        UUID id = UUID.randomUUID();
        RetainedDossiers dossierOwner = dossiers.getIfAvailable();
        RetainedDossiers.Periods periods = periods();
        for (RetainedDossiers.Due d : dossierOwner == null ? List.<RetainedDossiers.Due>of() : store.items(dry.id())) {
            if (dossierOwner.stillDue(d.dossierId(), asOf, periods)) {
                // The history first, while the dossier still names the citizen's account; recorded as a re-seal.
                try {
                    history.anonymiseDossierHistory(d.dossierId(), dossierOwner.applicantAccount(d.dossierId()), "RETENTION",
                            id.toString(), by);
                } catch (IllegalStateException e) {
                    throw ApiException.conflict("privacy.retention.historyBroken", d.code() != null ? d.code()
                            : d.dossierId().toString());
                }
                RetainedDossiers.Anonymised gone = dossierOwner.anonymise(d.dossierId());
                files += gone.files();
                readings.ifAvailable(r -> r.forgetReadings(gone.attachmentHashes()));
                notices.ifAvailable(n -> n.anonymiseDossierNotices(d.dossierId()));
                done.add(d);
            }
        }
        List<RetainedQuestions.Due> doneQuestions = new ArrayList<>();
        RetainedQuestions owner = questions.getIfAvailable();
        for (RetainedQuestions.Due q : owner == null ? List.<RetainedQuestions.Due>of() : store.questionItems(dry.id())) {
            if (owner.stillDue(q.questionId(), asOf, questionYears)) {
                files += owner.anonymise(q.questionId(), now);
                notices.ifAvailable(n -> n.anonymiseQuestionNotices(q.questionId()));
                doneQuestions.add(q);
            }
        }
        store.insertRun(id, "EXECUTE", dryRunId, now, asOf, by, done.size(), files);
        done.forEach(d -> store.insertItem(id, d));
        doneQuestions.forEach(q -> store.insertQuestionItem(id, q));
        log.info("Retention run {}: {} dossiers and {} questions anonymised, {} files deleted", id, done.size(),
                doneQuestions.size(), files);
        return run(id);
    }

    /** Whether a dry run was carried out already (its execution's id), else null. */
    @Transactional(readOnly = true)
    public UUID executionOf(UUID dryRunId) {
        return store.executionOf(dryRunId).orElse(null);
    }

    @Transactional(readOnly = true)
    public List<Run> runs(int limit) {
        return store.runs(limit).stream().map(r -> new Run(r.id(), r.mode(), r.dryRunId(), r.at(), r.asOf(),
                r.requestedBy(), r.dossiers(), r.attachments(), null, null)).toList();
    }

    @Transactional(readOnly = true)
    public Run run(UUID id) {
        RetentionStore.Run r = store.run(id).orElseThrow(() -> ApiException.notFound("privacy.retention.notFound"));
        return new Run(r.id(), r.mode(), r.dryRunId(), r.at(), r.asOf(), r.requestedBy(), r.dossiers(), r.attachments(),
                store.items(id).stream().map(d -> new Item(d.dossierId(), d.code(), d.procedureCode(), d.closedAt(),
                        d.retainedUntil(), d.attachments())).toList(),
                store.questionItems(id).stream().map(q -> new QuestionItem(q.questionId(), q.code(), q.closedAt(),
                        q.retainedUntil())).toList());
    }

    /** The scheduled run, off unless configured: a dry run, then its execution, on one node. */
    @Scheduled(cron = "${motcua.privacy.retention.cron:-}", zone = "Asia/Ho_Chi_Minh")
    public void scheduled() {
        // Through the template: a call from inside the bean does not pass its transactional proxy.
        Run dry = tx.execute(s -> dryRun(clock.instant(), "scheduler"));
        if (dry != null && (dry.dossiers() > 0 || !dry.questions().isEmpty())) {
            tx.execute(s -> execute(dry.id(), clock.instant(), "scheduler"));
        }
    }

    /** The rules as the dossier module reads them: a procedure's own years (null: permanent), else the default's. */
    private RetainedDossiers.Periods periods() {
        java.util.Map<String, Integer> byProcedure = new java.util.HashMap<>();
        Integer defaultYears = null;
        for (RetentionStore.Rule r : store.rules()) {
            if ("*".equals(r.procedureCode())) {
                defaultYears = r.years();
            } else {
                byProcedure.put(r.procedureCode(), r.years());
            }
        }
        return new RetainedDossiers.Periods(byProcedure, defaultYears);
    }

    private void lock() {
        // Waits for another node's run to end, so the two never anonymise or list the same dossiers at once.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?)) x").param(LOCK).query(Integer.class).single();
    }
}
