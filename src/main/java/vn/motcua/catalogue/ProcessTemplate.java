package vn.motcua.catalogue;

import java.util.ArrayList;
import java.util.List;

import vn.motcua.calendar.ProcessingTime;
import vn.motcua.territory.PostRole;

/**
 * The default internal process (the only place it is written): reception → appraisal → leader approval →
 * result return, with quotas (in working hours) that add up exactly to the processing time. Given to
 * imported procedures, and used by the dossier for a version whose process has no step past reception.
 */
public final class ProcessTemplate {

    private record Step(String code, String name, PostRole role, int tenths) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("RECEPTION", "Tiếp nhận hồ sơ", PostRole.RECEPTION, 1),
            new Step("APPRAISAL", "Thẩm định, xử lý hồ sơ", PostRole.HANDLING, 6),
            new Step("APPROVAL", "Lãnh đạo phê duyệt", PostRole.LEADER, 2),
            new Step("RETURN", "Trả kết quả", PostRole.RECEPTION, 1));

    private ProcessTemplate() {
    }

    /** The four steps; without a total time, steps without a quota. */
    public static List<ProcessStep> defaultProcess(ProcessingTime total) {
        List<ProcessStep> steps = new ArrayList<>();
        if (total == null) {
            for (int i = 0; i < STEPS.size(); i++) {
                Step s = STEPS.get(i);
                steps.add(new ProcessStep(i + 1, s.code(), s.name(), s.role(), null));
            }
            return steps;
        }
        int hours = total.inWorkingHours();
        int[] quota = new int[STEPS.size()];
        int used = 0;
        for (int i = 0; i < STEPS.size(); i++) {
            quota[i] = hours * STEPS.get(i).tenths() / 10;
            used += quota[i];
        }
        quota[1] += hours - used; // the remainder goes to appraisal
        for (int i = 0; i < STEPS.size(); i++) {
            Step s = STEPS.get(i);
            steps.add(new ProcessStep(i + 1, s.code(), s.name(), s.role(), ProcessingTime.workingHours(quota[i])));
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
