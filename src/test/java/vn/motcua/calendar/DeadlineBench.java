package vn.motcua.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Deadline computations per second on one thread: the precomputed tables against a day-by-day loop
 * over a set of days off (what a straightforward implementation does). Prints figures, asserts nothing.
 * Run: ./mvnw -Pbench test -Dtest=DeadlineBench
 */
class DeadlineBench {

    private static final int N = 1 << 20;
    private static final int ROUNDS = 7;

    @Test
    void deadlinesPerSecond() {
        DeadlineCalculator calc = TestCalendars.calculator();
        OfficeHours hours = OfficeHours.DEFAULT;
        SplittableRandom random = new SplittableRandom(42);
        long from = LocalDate.of(2020, 1, 1).atStartOfDay(DeadlineCalculator.ZONE).toEpochSecond();
        long to = LocalDate.of(2030, 12, 31).atStartOfDay(DeadlineCalculator.ZONE).toEpochSecond();
        Instant[] received = new Instant[N];
        int[] days = new int[N];
        int[] longDays = new int[N];
        for (int i = 0; i < N; i++) {
            received[i] = Instant.ofEpochSecond(random.nextLong(from, to));
            days[i] = random.nextInt(1, 31);
            longDays[i] = random.nextInt(30, 121);
        }
        // Warm the per-year tables and the naive loop's sets.
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> makeUp = new HashSet<>();
        for (int y = 2019; y <= 2032; y++) {
            calc.days().workingDaysInYear(y);
            TestCalendars.schedule(y).daysOff().forEach(d -> off.add(d.date()));
            TestCalendars.schedule(y).makeUpDays().forEach(d -> makeUp.add(d.date()));
        }
        Naive naive = new Naive(off, makeUp, hours);
        // The two must agree before being compared.
        for (int i = 0; i < 10_000; i++) {
            ZonedDateTime a = calc.dueAt(received[i], ProcessingTime.workingDays(days[i]), hours);
            ZonedDateTime b = naive.dueAt(received[i], days[i]);
            if (!a.equals(b)) {
                throw new AssertionError("Disagree on " + received[i] + " + " + days[i] + ": " + a + " vs " + b);
            }
        }

        System.out.println();
        System.out.println("=== Deadline bench (one thread, " + N + " random receipts 2020–2030, official 2025/2026 schedules) ===");
        report("tables, 1–30 working days", () -> {
            long h = 0;
            for (int i = 0; i < N; i++) {
                h += calc.dueAt(received[i], ProcessingTime.workingDays(days[i]), hours).getDayOfYear();
            }
            return h;
        });
        report("tables, 30–120 working days", () -> {
            long h = 0;
            for (int i = 0; i < N; i++) {
                h += calc.dueAt(received[i], ProcessingTime.workingDays(longDays[i]), hours).getDayOfYear();
            }
            return h;
        });
        report("tables, 1–30 working hours", () -> {
            long h = 0;
            for (int i = 0; i < N; i++) {
                h += calc.dueAt(received[i], ProcessingTime.workingHours(days[i]), hours).getHour();
            }
            return h;
        });
        report("day-by-day loop, 1–30 working days", () -> {
            long h = 0;
            for (int i = 0; i < N; i++) {
                h += naive.dueAt(received[i], days[i]).getDayOfYear();
            }
            return h;
        });
        report("day-by-day loop, 30–120 working days", () -> {
            long h = 0;
            for (int i = 0; i < N; i++) {
                h += naive.dueAt(received[i], longDays[i]).getDayOfYear();
            }
            return h;
        });
    }

    private static void report(String name, java.util.function.LongSupplier work) {
        double best = 0;
        long sink = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            sink += work.getAsLong();
            double perSecond = N / ((System.nanoTime() - t0) / 1e9);
            if (r >= 2) { // first two rounds are warm-up
                best = Math.max(best, perSecond);
            }
        }
        System.out.printf("%-40s %,15.0f deadlines/s  (best of %d rounds; checksum %d)%n", name, best, ROUNDS - 2, sink);
    }

    /** The straightforward way: walk the calendar one day at a time. */
    private record Naive(Set<LocalDate> off, Set<LocalDate> makeUp, OfficeHours hours) {
        boolean working(LocalDate d) {
            return makeUp.contains(d) || (!YearSchedule.isWeekend(d) && !off.contains(d));
        }

        ZonedDateTime dueAt(Instant received, int n) {
            LocalDateTime local = LocalDateTime.ofInstant(received, DeadlineCalculator.ZONE);
            LocalDate day = local.toLocalDate();
            LocalTime t = local.toLocalTime();
            if (!working(day) || !t.isBefore(hours.cutOff())) {
                do {
                    day = day.plusDays(1);
                } while (!working(day));
            }
            for (int left = n; left > 0; ) {
                day = day.plusDays(1);
                if (working(day)) {
                    left--;
                }
            }
            return day.atTime(hours.closing()).atZone(DeadlineCalculator.ZONE);
        }
    }
}
