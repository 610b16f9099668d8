package vn.motcua.reorg.internal;

import java.util.List;

/**
 * A reorganisation plan as authored (the JSON body of {@code POST /api/v1/reorg/plans}, documented in
 * docs/reorg.md). Units are named by GSO code; a code in {@code from}/{@code unit} means the unit valid the day
 * before the effective date, a code in {@code into}/{@code to}/{@code open} the unit valid from it.
 *
 * @param effective           ISO instant or date (a date means 00:00 Asia/Ho_Chi_Minh)
 * @param open                units that start to exist on the effective date
 * @param operations          what happens to existing units and agencies
 * @param routingRules        for split units: which successor an address on these streets or hamlets belongs to
 * @param explicit            dossiers (by code or id) sent to a named agency
 * @param postMappings        posts of closing agencies and the successor posts they become
 * @param deadlinePolicy      KEEP (default: deadlines keep running unchanged) or EXTEND (+{@code extendWorkingDays})
 * @param nearCutoverWorkingDays a dossier due within this many working days after the cut-over is flagged
 */
public record PlanDefinition(String name, String effective, String legalBasis, List<UnitSpec> open,
                             List<Operation> operations, List<RoutingRuleSpec> routingRules,
                             List<ExplicitTarget> explicit, List<PostMapping> postMappings, String deadlinePolicy,
                             Integer extendWorkingDays, Integer batchSize, Integer nearCutoverWorkingDays,
                             Boolean notifyApplicants) {

    public PlanDefinition {
        open = open == null ? List.of() : List.copyOf(open);
        operations = operations == null ? List.of() : List.copyOf(operations);
        routingRules = routingRules == null ? List.of() : List.copyOf(routingRules);
        explicit = explicit == null ? List.of() : List.copyOf(explicit);
        postMappings = postMappings == null ? List.of() : List.copyOf(postMappings);
    }

    /** A unit to open: type one of PROVINCE, MUNICIPALITY, WARD, COMMUNE, SPECIAL_ZONE. */
    public record UnitSpec(String code, String name, String fullName, String type, String parent) {
    }

    /**
     * One operation. {@code op} is MERGE (from + partialFrom → into), SPLIT (unit → to, routed by the routing
     * rules), RENAME (unit, name, fullName), RECLASSIFY (unit, type, fullName), DISSOLVE (unit → into),
     * ABOLISH_LEVEL (level DISTRICT within the provinces {@code within}, into the province {@code into}; their
     * functions go to the COMMUNE or the PROVINCE: {@code functionsTo}) or TRANSFER_PROCEDURES (procedures of
     * fromAgency → toAgency).
     */
    public record Operation(String op, String unit, List<String> from, List<String> partialFrom, String into,
                            List<String> to, String name, String fullName, String type, String level,
                            List<String> within, String functionsTo, String fromAgency, String toAgency,
                            List<String> procedures) {
        public Operation {
            from = from == null ? List.of() : List.copyOf(from);
            partialFrom = partialFrom == null ? List.of() : List.copyOf(partialFrom);
            to = to == null ? List.of() : List.copyOf(to);
            within = within == null ? List.of() : List.copyOf(within);
            procedures = procedures == null ? List.of() : List.copyOf(procedures);
        }
    }

    /** Addresses of old {@code unit} on one of {@code streets} (streets, hamlets: ấp, khu phố, tổ dân phố) go to {@code to}. */
    public record RoutingRuleSpec(String unit, String to, List<String> streets) {
        public RoutingRuleSpec {
            streets = streets == null ? List.of() : List.copyOf(streets);
        }
    }

    public record ExplicitTarget(String dossier, String agency) {
    }

    /**
     * Post {@code post} of a closing agency continues as post {@code to} from the effective date: its holders are
     * appointed to {@code to}. When no post {@code to} exists on the effective date it is created in {@code agency}
     * (or, when that is omitted, in the successor agency whose code prefixes {@code to}, as in
     * {@code UBND-26740-HT}), with {@code title} (default: the old post's title) and the old post's role and field.
     */
    public record PostMapping(String post, String to, String agency, String title) {
        public PostMapping(String post, String to) {
            this(post, to, null, null);
        }
    }
}
