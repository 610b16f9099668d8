package vn.motcua.assistant.appraisal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.Staff;

/**
 * The officer's queues sorted by deadline risk: the work most likely to be late first. Risk = the typical time this
 * step of this procedure takes (median over finished work) ÷ the time left until its due time; overdue work comes
 * first (risk ∞), then the highest ratio; work without a due time or history last.
 */
@Service
public class DeadlineRisk {

    private final AppraisalQueries queries;
    private final Staff staff;
    private final Clock clock;

    DeadlineRisk(AppraisalQueries queries, Staff staff, Clock clock) {
        this.queries = queries;
        this.staff = staff;
        this.clock = clock;
    }

    public enum Level { OVERDUE, HIGH, MEDIUM, LOW, UNKNOWN }

    /**
     * @param hoursLeft  hours until the due time (negative when overdue); null without due time
     * @param typicalHours the median duration of this step for this procedure; null without history
     * @param risk       typical ÷ left (null when either is unknown; {@code Double.MAX_VALUE} when overdue)
     */
    public record Item(UUID dossierId, String code, String receiptNumber, String procedureCode, String procedureName,
                       String step, String agencyCode, Instant dueAt, Double hoursLeft, Double typicalHours,
                       Double risk, Level level) {
    }

    public List<Item> queue(String username, int limit) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), AppraisalService.VN);
        List<PostHolding> posts = staff.postsOf(username, today);
        List<String> reception = posts.stream().filter(p -> p.role() == PostRole.RECEPTION)
                .map(p -> p.agency().code()).distinct().toList();
        List<String> roles = posts.stream().map(p -> p.agency().code() + "/" + p.role().name()).distinct().toList();
        Instant now = clock.instant();
        List<Item> items = new ArrayList<>();
        for (AppraisalQueries.QueueItem q : queries.queue(username, reception, roles, 2000)) {
            Double left = q.dueAt() == null ? null : Duration.between(now, q.dueAt()).toSeconds() / 3600.0;
            Double typical = q.typicalSeconds() == null ? null : q.typicalSeconds() / 3600.0;
            Double risk;
            Level level;
            if (left != null && left <= 0) {
                risk = Double.MAX_VALUE;
                level = Level.OVERDUE;
            } else if (left == null || typical == null) {
                risk = null;
                level = Level.UNKNOWN;
            } else {
                risk = typical / left;
                level = risk >= 1 ? Level.HIGH : risk >= 0.5 ? Level.MEDIUM : Level.LOW;
            }
            items.add(new Item(q.dossierId(), q.code(), q.receiptNumber(), q.procedureCode(), q.procedureName(), q.step(),
                    q.agencyCode(), q.dueAt(), left, typical, risk, level));
        }
        items.sort(Comparator.comparing((Item i) -> i.risk() == null ? -1 : i.risk(), Comparator.reverseOrder())
                .thenComparing(i -> i.dueAt() == null ? Instant.MAX : i.dueAt()));
        return items.size() > limit ? items.subList(0, limit) : items;
    }
}
