package vn.motcua.support;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * A long journey as named steps ({@code @TestFactory Stream<DynamicTest> journey()}): each step is reported on its own,
 * numbered in order, and a failure names the step (also in its message, for reports that number dynamic tests); once one fails, the later steps are skipped (aborted), not failed
 * for a reason that is not theirs. Steps share the test instance's state; {@code @BeforeEach}/{@code @AfterEach} run
 * once around the whole journey.
 */
public final class Journey {

    private final List<DynamicTest> steps = new ArrayList<>();
    private String failedAt;

    public static Journey steps() {
        return new Journey();
    }

    public Journey step(String name, Executable body) {
        String numbered = (steps.size() + 1) + ". " + name;
        steps.add(DynamicTest.dynamicTest(numbered, () -> {
            assumeFalse(failedAt != null, () -> "skipped: step \"" + failedAt + "\" failed");
            try {
                body.execute();
            } catch (org.opentest4j.TestAbortedException aborted) {
                throw aborted;
            } catch (Throwable t) {
                failedAt = numbered;
                // Reports that name dynamic tests by index (Surefire's XML) still say which step failed.
                throw new AssertionError("step " + numbered + ": " + t.getMessage(), t);
            }
        }));
        return this;
    }

    public Stream<DynamicTest> stream() {
        return steps.stream();
    }
}
