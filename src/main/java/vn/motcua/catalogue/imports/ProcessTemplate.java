package vn.motcua.catalogue.imports;

import java.util.ArrayList;
import java.util.List;

import vn.motcua.catalogue.ProcessStep;
import vn.motcua.catalogue.ProcessingTime;

/**
 * The default internal process given to imported procedures: reception → appraisal → leader approval
 * → result return, with quotas (in working hours) that add up exactly to the processing time.
 */
public final class ProcessTemplate {

    private static final String[][] STEPS = {
            {"RECEPTION", "Tiếp nhận hồ sơ", "RECEPTION_OFFICER", "1"},
            {"APPRAISAL", "Thẩm định, xử lý hồ sơ", "HANDLING_OFFICER", "6"},
            {"APPROVAL", "Lãnh đạo phê duyệt", "UNIT_LEADER", "2"},
            {"RETURN", "Trả kết quả", "RECEPTION_OFFICER", "1"}};

    private ProcessTemplate() {
    }

    public static List<ProcessStep> defaultProcess(ProcessingTime total) {
        List<ProcessStep> steps = new ArrayList<>();
        if (total == null) {
            for (int i = 0; i < STEPS.length; i++) {
                steps.add(new ProcessStep(i + 1, STEPS[i][0], STEPS[i][1], STEPS[i][2], null));
            }
            return steps;
        }
        int hours = total.inWorkingHours();
        int[] quota = new int[STEPS.length];
        int used = 0;
        for (int i = 0; i < STEPS.length; i++) {
            quota[i] = hours * Integer.parseInt(STEPS[i][3]) / 10;
            used += quota[i];
        }
        quota[1] += hours - used; // the remainder goes to appraisal
        for (int i = 0; i < STEPS.length; i++) {
            steps.add(new ProcessStep(i + 1, STEPS[i][0], STEPS[i][1], STEPS[i][2], ProcessingTime.hours(quota[i])));
        }
        return steps;
    }

    /** Sum of quotas in working hours; -1 when some step has no quota. */
    public static int totalHours(List<ProcessStep> steps) {
        int sum = 0;
        for (ProcessStep s : steps) {
            if (s.quota() == null) {
                return -1;
            }
            sum += s.quota().inWorkingHours();
        }
        return sum;
    }
}
