package vn.motcua.reorg.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.StepAssignments;
import vn.motcua.dossier.StrandedWork;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.Agency;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.Successor;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;

/**
 * The invariant that cannot be fooled by a plan's own bookkeeping: nothing open refers to an agency that has no
 * version valid today — no open dossier, triage owner or open step, no step assigned to someone without a post in its
 * agency, no officer holding a post of a closed agency. Run after every execution, nightly, and on demand; the last
 * count is the gauge {@code motcua_dossiers_stranded}.
 */
@Service
public class StrandedCheck {

    private static final Logger log = LoggerFactory.getLogger(StrandedCheck.class);
    /** One nightly run across the nodes of a cluster. */
    private static final long LOCK = 0x6d6f74637561_05L;
    static final int SAMPLE = 100;

    /** What the check found: counts per kind, and the first items of each kind. */
    public record Result(long count, long dossiers, long triage, long steps, long assignments, long holdings,
                         List<Item> sample, Instant at, long millis, long questions) {
    }

    /**
     * One stranded item. {@code kind}: DOSSIER, TRIAGE, STEP, ASSIGNMENT (a dossier's work), HOLDING (an officer's
     * post in a closed agency) or QUESTION (a citizen's open question; {@code dossierId}/{@code dossierCode} are then
     * the question's id and code).
     */
    public record Item(String kind, UUID dossierId, String dossierCode, String agency, String agencyName, String state,
                       String officer, String post) {
    }

    private final TerritoryAgencies agencies;
    private final Territory territory;
    private final StrandedWork work;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AtomicReference<Result> last = new AtomicReference<>();
    private final QuestionMoves questionMoves;

    StrandedCheck(TerritoryAgencies agencies, Territory territory, StrandedWork work, JdbcClient jdbc,
                  TransactionTemplate tx, Clock clock, MeterRegistry meters, QuestionMoves questionMoves) {
        this.questionMoves = questionMoves;
        this.agencies = agencies;
        this.territory = territory;
        this.work = work;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        Gauge.builder("motcua.dossiers.stranded", last, r -> r.get() == null ? Double.NaN : r.get().count())
                .description("Open work referring to an agency with no version valid today (last check)")
                .register(meters);
    }

    public Result check() {
        long start = System.nanoTime();
        LocalDate today = today();
        Set<String> valid = agencies.namesValidOn(today).keySet();
        Set<StepAssignments.Seat> seats = new LinkedHashSet<>();
        for (PostHolding h : agencies.holdings(valid, today)) {
            if (h.username() != null) {
                seats.add(new StepAssignments.Seat(h.agency().code(), h.username()));
            }
        }
        StrandedWork.Found found = work.find(valid, seats, SAMPLE);
        List<Item> sample = new ArrayList<>();
        found.sample().forEach(i -> sample.add(new Item(i.kind().name(), i.dossierId(), i.dossierCode(), i.agencyCode(),
                i.agencyName(), i.state(), i.assignee(), null)));
        List<PostHolding> holdings = agencies.holdingsOutsideValidAgencies(today);
        holdings.stream().limit(SAMPLE).forEach(h -> sample.add(new Item("HOLDING", null, null, h.agency().code(),
                h.agency().name(), null, h.username() != null ? h.username() : h.officerName(), h.postCode())));
        var questions = questionMoves.stranded(valid, SAMPLE);
        questions.sample().forEach(q -> sample.add(new Item("QUESTION", q.id(), q.code(), q.agencyCode(), null,
                q.state().name(), null, null)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        Result r = new Result(found.count() + holdings.size() + questions.count(), found.dossiers(), found.triage(),
                found.steps(), found.assignments(), holdings.size(), sample, clock.instant(), millis, questions.count());
        last.set(r);
        if (r.count() > 0) {
            log.warn("Stranded check: {} open items refer to an agency with no version valid on {} (dossiers {}, triage {}, "
                            + "steps {}, assignments {}, holdings {}, questions {})", r.count(), today, r.dossiers(), r.triage(),
                    r.steps(), r.assignments(), r.holdings(), r.questions());
        } else {
            log.info("Stranded check: nothing stranded on {} ({} ms)", today, millis);
        }
        return r;
    }

    /** The last result, if any check ran on this node. */
    public Optional<Result> last() {
        return Optional.ofNullable(last.get());
    }

    @Scheduled(cron = "${motcua.reorg.stranded-cron:0 15 1 * * *}", zone = "Asia/Ho_Chi_Minh")
    void nightly() {
        tx.executeWithoutResult(s -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
            if (Boolean.TRUE.equals(locked)) {
                check();
            }
        });
    }

    /** Once after start, so the gauge has a value before the first night. */
    @Scheduled(initialDelayString = "${motcua.reorg.stranded-initial-delay:PT2M}", fixedDelayString = "P3650D")
    void afterStart() {
        check();
    }

    /**
     * Sends one stranded dossier to triage: the service centre of the province that its agency served (following the
     * province's successors when the province itself closed). 409 when it is not stranded (any more).
     */
    public String routeToTriage(UUID dossierId, String user) {
        String agencyCode = work.holder(dossierId)
                .orElseThrow(() -> ApiException.notFound("reorg.stranded.notFound", dossierId));
        LocalDate today = today();
        if (agencyCode != null && territory.agency(agencyCode, today).isPresent()) {
            throw ApiException.conflict("reorg.stranded.notStranded", dossierId);
        }
        String owner = (agencyCode == null ? Optional.<String>empty() : triageOwner(agencyCode, today))
                .orElseThrow(() -> ApiException.unprocessable("reorg.stranded.noTriageOwner", agencyCode));
        if (!work.routeToTriage(dossierId, agencyCode, owner, user,
                "Hồ sơ do cơ quan không còn tồn tại nắm giữ: chuyển phân loại")) {
            throw ApiException.conflict("reorg.stranded.notStranded", dossierId);
        }
        return owner;
    }

    /** TTPV of the province the agency served on its last day, or of that province's successor valid today. */
    Optional<String> triageOwner(String agencyCode, LocalDate today) {
        List<TerritoryAgencies.AgencyVersion> versions = agencies.versions(List.of(agencyCode));
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        TerritoryAgencies.AgencyVersion lastVersion = versions.get(versions.size() - 1);
        LocalDate lastDay = lastVersion.validTo() == null ? today : lastVersion.validTo().minusDays(1);
        Optional<Agency> agency = territory.agency(agencyCode, lastDay);
        if (agency.isEmpty()) {
            return Optional.empty();
        }
        String province = territory.province(agency.get().unitCode(), lastDay).map(u -> u.code()).orElse(null);
        for (int hops = 0; province != null && hops < 5; hops++) {
            if (territory.agency("TTPV-" + province, today).isPresent()) {
                return Optional.of("TTPV-" + province);
            }
            List<Successor> next = territory.successors(province, lastDay);
            province = next.isEmpty() ? null : next.get(0).unit().code();
        }
        return Optional.empty();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlanCompiler.VN));
    }
}
