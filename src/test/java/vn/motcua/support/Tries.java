package vn.motcua.support;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Reproducible randomness for property tests: JUnit {@code @ParameterizedTest}s whose {@code @MethodSource} draws
 * its tries from a seeded {@link Random} (or from Instancio seeded with {@link #seed()}), edge cases first.
 *
 * <p>Every run uses the same seed, {@value #DEFAULT_SEED}, unless {@code -Dmotcua.test.seed=N} is given (Maven passes
 * it on to the test JVM: {@code ./mvnw test -Dtest=DeadlineProperties -Dmotcua.test.seed=N}). A failing try names the
 * seed and the command that replays it: register {@link SeedOnFailure} on the test class.
 */
public final class Tries {

    /** The system property that overrides the seed. */
    public static final String SEED_PROPERTY = "motcua.test.seed";
    public static final long DEFAULT_SEED = 20_250_701L;
    /** Random tries per property, after its edge cases, unless the property says otherwise. */
    public static final int DEFAULT = 1000;

    private Tries() {
    }

    public static long seed() {
        String value = System.getProperty(SEED_PROPERTY);
        return value == null || value.isBlank() ? DEFAULT_SEED : Long.parseLong(value.trim());
    }

    /**
     * The seed of one property: the run's seed mixed with the property's name, so that each property draws its own
     * stream and adding tries to one does not change the values another sees.
     */
    public static long seed(String property) {
        long h = seed() ^ (property.hashCode() * 0x9E37_79B9_7F4A_7C15L);
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        return h ^ (h >>> 33);
    }

    public static Random random(String property) {
        return new Random(seed(property));
    }

    /** An int in [min, max], both ends included; one draw in eight is an end or its neighbour (and 0 when in range). */
    public static int between(Random r, int min, int max) {
        if (r.nextInt(8) == 0) {
            int[] edges = {min, max, Math.min(min + 1, max), Math.max(max - 1, min), Math.max(min, Math.min(0, max))};
            return edges[r.nextInt(edges.length)];
        }
        return min + (int) (r.nextDouble() * ((long) max - min + 1));
    }

    /** A long in [min, max], both ends included; one draw in eight is an end. */
    public static long between(Random r, long min, long max) {
        if (r.nextInt(8) == 0) {
            return r.nextBoolean() ? min : max;
        }
        return min + (long) (r.nextDouble() * (max - min + 1.0));
    }

    @SafeVarargs
    public static <T> T oneOf(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }

    public static <T> T oneOf(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /**
     * A string of the given characters, length in [0, maxLength]; short strings are likelier, and one
     * in sixteen is empty, one in sixteen has the longest length.
     */
    public static String string(Random r, String alphabet, int minLength, int maxLength) {
        int roll = r.nextInt(16);
        int length = roll == 0 ? minLength : roll == 1 ? maxLength
                : minLength + (int) (Math.pow(r.nextDouble(), 2) * (maxLength - minLength + 1));
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /**
     * Puts the run's seed, and how to replay the failing property with it, into the failure message of every
     * parameterized test of the class.
     */
    public static final class SeedOnFailure implements TestExecutionExceptionHandler {

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            Method method = context.getTestMethod().orElse(null);
            if (method == null || !AnnotationSupport.isAnnotated(method, ParameterizedTest.class)) {
                throw failure;
            }
            String where = context.getRequiredTestClass().getSimpleName() + "#" + method.getName();
            String prefix = "Property " + where + " failed on try " + context.getDisplayName() + " with seed " + seed()
                    + " (replay: ./mvnw test -Dtest=" + where + " -D" + SEED_PROPERTY + "=" + seed() + "): ";
            if (failure instanceof AssertionFailedError e && e.isExpectedDefined() && e.isActualDefined()) {
                AssertionFailedError wrapped = new AssertionFailedError(prefix + e.getMessage(), e.getExpected().getValue(),
                        e.getActual().getValue(), e);
                wrapped.setStackTrace(e.getStackTrace());
                throw wrapped;
            }
            AssertionError wrapped = new AssertionError(
                    prefix + (failure instanceof AssertionError ? failure.getMessage() : failure.toString()), failure);
            wrapped.setStackTrace(failure.getStackTrace());
            throw wrapped;
        }
    }
}
