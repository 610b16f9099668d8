package vn.motcua.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The journey helper itself: steps numbered in order, a failure names its step, the steps after it are skipped. */
class JourneyTest {

    @Test
    void stepsRunInOrderAndAfterAFailureTheRestAreSkipped() throws Throwable {
        List<String> ran = new ArrayList<>();
        List<DynamicTest> steps = Journey.steps()
                .step("first", () -> ran.add("first"))
                .step("second", () -> {
                    ran.add("second");
                    assertThat(1).isEqualTo(2);
                })
                .step("third", () -> ran.add("third"))
                .stream().toList();
        assertThat(steps).extracting(DynamicTest::getDisplayName).containsExactly("1. first", "2. second", "3. third");

        steps.get(0).getExecutable().execute();
        assertThatThrownBy(() -> steps.get(1).getExecutable().execute()).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("step 2. second: ").hasCauseInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> steps.get(2).getExecutable().execute()).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("2. second");
        assertThat(ran).containsExactly("first", "second");
    }
}
