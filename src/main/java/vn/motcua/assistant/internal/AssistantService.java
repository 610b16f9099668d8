package vn.motcua.assistant.internal;

import vn.motcua.platform.time.VietnamTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import vn.motcua.assistant.Answers;
import vn.motcua.assistant.Assistant;
import vn.motcua.assistant.AssistantIndex;
import vn.motcua.assistant.ProcedureTextSource;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.CatalogueChanged;
import vn.motcua.dossier.DossierHistory;
import vn.motcua.platform.db.TransactionEnd;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.AgencyLevel;
import vn.motcua.territory.Territory;

/**
 * Question → procedures. The work is split by concern: {@link IndexKeeper} (the index, rebuilt in the background at
 * start and when the catalogue changes), {@link QueryReader} (folding, typo correction, the senses of "mất", the
 * colloquial synonym graph), {@link Ranker} (BM25 and the priors), {@link Evidence} (no match, and why) and
 * {@link Clarifier} (one short question when close answers differ in a way the citizen can tell).
 */
@Service
public class AssistantService implements Assistant, AssistantIndex {

    private static final ZoneId ZONE = VietnamTime.ZONE;

    private final ObjectProvider<Territory> territory;
    private final MessageSource messages;
    private final Clock clock;
    private final QueryReader reader = new QueryReader();
    private final PurposeReading purposes = PurposeReading.shipped();
    /** Round 21: the candidates whose names may hold an unserved object (the answers a page shows). */
    private static final int UNSERVED_NAMES = 5;
    private final IndexKeeper keeper;
    private final ExampleEvidence examples;

    public AssistantService(Catalogue catalogue, ObjectProvider<Territory> territory,
                            ObjectProvider<ProcedureTextSource> textSources, ObjectProvider<DossierHistory> history,
                            MessageSource messages, Clock clock, ExampleEvidence examples) {
        this.territory = territory;
        this.messages = messages;
        this.clock = clock;
        this.examples = examples;
        this.keeper = new IndexKeeper(catalogue, textSources, history, clock);
        if (examples.gate() != ExampleEvidence.Gate.OFF) {
            NoMatchGate.production(); // round 17: a bad gate file stops the start, not a question
        }
    }

    // ------------------------------------------------------------------------------------------ index lifecycle

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        rebuild();
    }

    @EventListener
    void on(CatalogueChanged changed) {
        // raised inside the publishing transaction: build from the committed catalogue
        TransactionEnd.afterCompletion(this::rebuild);
    }

    @Override
    public void rebuild() {
        keeper.rebuild();
    }

    @Override
    public long rebuildNow() {
        return keeper.rebuildNow();
    }

    @Override
    public void catchUp() {
        keeper.catchUp();
    }

    @Override
    public int size() {
        return keeper.size();
    }

    @PreDestroy
    void stop() {
        keeper.stop();
    }

    // ------------------------------------------------------------------------------------------ asking

    @Override
    public Answers ask(String question, String unitCode, int limit, Locale locale) {
        return ask(question, unitCode, limit, locale, RankingWeights.DEFAULT);
    }

    /** The same with other ranking numbers (the tuning grid). */
    Answers ask(String question, String unitCode, int limit, Locale locale, RankingWeights w) {
        return answer(question, unitCode, limit, locale, w, examples, keeper.examples());
    }

    /** The answered examples read against the index serving now (the evaluation leaves a set's own lines out of them). */
    ExampleIndex examples() {
        return keeper.examples();
    }

    /** Every example line, whatever procedures the catalogue holds (the evaluation's seam, {@link IndexKeeper#everyExample}). */
    ExampleIndex everyExample() {
        return keeper.everyExample();
    }

    /**
     * The question answered with these example settings and this view of the examples: the configured ones in
     * production; the evaluation's seam passes a view without the measured set's own lines (leave-one-set-out).
     */
    Answers answer(String question, String unitCode, int limit, Locale locale, RankingWeights w, ExampleEvidence ev,
                   ExampleIndex exampleView) {
        return answer(question, unitCode, limit, locale, w, ev, exampleView, null);
    }

    /** The same with this learned no-match decision (null: the shipped one, read when the settings ask for it). */
    Answers answer(String question, String unitCode, int limit, Locale locale, RankingWeights w, ExampleEvidence ev,
                   ExampleIndex exampleView, NoMatchGate gate) {
        String q = VietnameseAnalysis.normalize(question).strip();
        if (q.isEmpty()) {
            return new Answers(List.of(), true, null);
        }
        ProcedureIndex idx = keeper.current();
        QueryReader.Reading reading = reader.read(q, idx);
        List<Ranker.Candidate> ranked = rank(idx, reading, unitCode, w);
        var support = ev.support(exampleView, reading);
        // round 13: procedures the examples name that the catalogue's words did not find, at the bottom until folded
        List<Ranker.Candidate> extended = ev.withUnfound(idx, ranked, support, reading);
        Refusal refusal = refuses(q, idx, reading, ranked, extended, support, ev, w, gate);
        ranked = extended;
        if (!rescued(refusal, ranked, support, ev)) {
            return new Answers(List.of(), true, null);
        }
        boolean refused = refusal == Refusal.RULES || refusal == Refusal.BOTH;
        // whether close answers are siblings to ask about is read from the catalogue's ranking: examples labelled before
        // the sibling question existed name one sibling only, and must not silence the question
        Answers.Clarify clarify = refused ? null
                : Clarifier.clarify(ranked.stream().filter(c -> Evidence.matches(c, w)).toList(), reading.graph(), messages, locale);
        ranked = ev.fold(ranked, support, reading.bigrams());
        // round 19: the act the question asks, carried by a sibling's name, outweighs the examples of a name lacking it
        ranked = Ranker.unaskedActs(idx, ranked, reading, ev.acts());
        List<Ranker.Candidate> strong = ranked.stream()
                .filter(c -> refused ? ev.strongFor(c, support) || ev.rescues(c, support)
                        : Evidence.matches(c, w) || ev.strongFor(c, support)).toList();
        if (strong.isEmpty()) {
            return new Answers(List.of(), true, null);
        }
        strong = AnswerOrder.examplesThird(AnswerOrder.third(strong), ev.nearest(idx, ranked, support, reading));
        List<Answers.Answer> answers = new ArrayList<>();
        for (Ranker.Candidate c : strong.subList(0, Math.min(limit, strong.size()))) {
            List<String> why = new ArrayList<>(Evidence.why(c.meta(), reading.unigrams(), reading.bigrams()));
            if (answers.isEmpty()) {
                similar(support.get(c.meta().code()), ev, locale).ifPresent(why::add);
            }
            answers.add(new Answers.Answer(c.meta().code(), c.meta().name(), Math.round(c.score() * 100) / 100.0, why));
        }
        return new Answers(answers, false, clarify != null ? clarify : Clarifier.clarify(strong, reading.graph(), messages, locale));
    }

    /** Why no procedure answers a question, each with its own rescue ({@link #rescued}). */
    private enum Refusal {
        /** Not refused. */
        NO,
        /** The catalogue's evidence, the examples' and topic's rules or the learned gate. */
        RULES,
        /**
         * Round 18: a private purpose (a price, a purchase, a repair, an opinion) and no act of a procedure; round 21: or
         * an object no candidate serves (a vaccination, a job), act or not.
         */
        PURPOSE,
        /** Both: the rules' rescue and the purpose's must each hold (round 20). */
        BOTH
    }

    /**
     * Whether no procedure answers the question: the catalogue's own evidence ({@link Evidence}), then (round 10 on) the
     * examples' and the topic's rules, or (round 17) the learned gate beside them or in their place ({@link ExampleEvidence#gate});
     * then (round 18) the question's purpose ({@link PurposeReading}) when none of them refuses.
     */
    private Refusal refuses(String q, ProcedureIndex idx, QueryReader.Reading reading, List<Ranker.Candidate> ranked,
                            List<Ranker.Candidate> extended, Map<String, ExampleIndex.Support> support, ExampleEvidence ev,
                            RankingWeights w, NoMatchGate given) {
        if (ranked.isEmpty()) {
            return Refusal.RULES;
        }
        Ranker.Candidate best = ranked.get(0);
        NoMatchGate gate = given != null ? given : ev.gate() == ExampleEvidence.Gate.OFF ? null : ev.gateModel();
        boolean rules;
        if (ev.gate() == ExampleEvidence.Gate.SOLE) {
            rules = gate.refuses(NoMatchFeatures.of(idx, reading, ranked, extended, support, ev, w));
        } else if (!Evidence.answers(best, w) || Evidence.unfamiliar(reading, best) || Evidence.onlyGeneric(best)) {
            rules = true;
        } else {
            rules = ev.gate() != ExampleEvidence.Gate.REPLACE
                    && (ev.refuses(best, support) || TopicEvidence.refuses(idx, best, reading.bigrams(), support, ev))
                    || ev.gate() != ExampleEvidence.Gate.OFF && gate.refuses(NoMatchFeatures.of(idx, reading, ranked, extended, support, ev, w));
        }
        // round 21: an act on an object no procedure serves is no procedure's act; the top candidates' names (the
        // answers a citizen would see) decide whether the catalogue serves it after all. Read only when the setting asks.
        PurposeReading.Purpose read = ev.purpose() > 0 ? purposes.read(q) : null;
        boolean purpose = read != null && (read.onlyPrivate() || ev.unserved()
                && read.unservedBy(ranked.stream().limit(UNSERVED_NAMES).map(c -> c.meta().nameFolded()).toList()));
        return rules ? purpose ? Refusal.BOTH : Refusal.RULES : purpose ? Refusal.PURPOSE : Refusal.NO;
    }

    /**
     * Whether the question is answered after all: an example rescues a refused question only when it is a near-paraphrase
     * of it, or (round 15) when examples of one candidate agree and no negative example is near at all (round 17: the gate
     * alone, "sole", weighs those too); a private purpose only when someone who needed a procedure asked nearly alike (an
     * answered example at least {@link ExampleEvidence#purpose} similar; the agreeing examples do not count), also
     * (round 20) when the rules refused it too.
     */
    private static boolean rescued(Refusal refusal, List<Ranker.Candidate> ranked, Map<String, ExampleIndex.Support> support,
                                   ExampleEvidence ev) {
        return switch (refusal) {
            case NO -> true;
            case PURPOSE -> ranked.stream().anyMatch(c -> ev.nearParaphrase(c, support, ev.purpose()));
            case RULES -> rulesRescue(ranked, support, ev);
            case BOTH -> rulesRescue(ranked, support, ev) && ranked.stream().anyMatch(c -> ev.nearParaphrase(c, support, ev.purpose()));
        };
    }

    private static boolean rulesRescue(List<Ranker.Candidate> ranked, Map<String, ExampleIndex.Support> support, ExampleEvidence ev) {
        return ev.gate() != ExampleEvidence.Gate.SOLE
                && ranked.stream().anyMatch(c -> ev.strongFor(c, support) || ev.rescues(c, support));
    }

    /**
     * Round 17, the gate's trainer's view: the no-match evidence for a question against this view of the examples, empty
     * when the catalogue finds no candidate at all (always no match, nothing to learn).
     */
    java.util.Optional<NoMatchFeatures> features(String question, ExampleEvidence ev, ExampleIndex exampleView, RankingWeights w) {
        ProcedureIndex idx = keeper.current();
        QueryReader.Reading reading = reader.read(VietnameseAnalysis.normalize(question).strip(), idx);
        List<Ranker.Candidate> ranked = rank(idx, reading, null, w);
        if (ranked.isEmpty()) {
            return java.util.Optional.empty();
        }
        var support = ev.support(exampleView, reading);
        return java.util.Optional.of(NoMatchFeatures.of(idx, reading, ranked, ev.withUnfound(idx, ranked, support, reading), support,
                ev, w));
    }

    /** Longest example quoted in "câu hỏi tương tự": the line stays short. */
    static final int SIMILAR_MAX = 80;

    /**
     * Round 11: the first answer's most similar answered example, when it is at least {@code strong} similar (a near
     * paraphrase), as one more line of {@code why}: "câu hỏi tương tự: «…»". Only public texts are examples (our sets,
     * and published questions as the publication redacted them).
     */
    private java.util.Optional<String> similar(ExampleIndex.Support s, ExampleEvidence ev, Locale locale) {
        if (s == null || s.bestText() == null || s.best() < ev.strong()) {
            return java.util.Optional.empty();
        }
        String text = s.bestText().strip();
        if (text.length() > SIMILAR_MAX) {
            int cut = text.lastIndexOf(' ', SIMILAR_MAX - 1);
            text = text.substring(0, cut > SIMILAR_MAX / 2 ? cut : SIMILAR_MAX - 1) + "…";
        }
        return java.util.Optional.of(messages.getMessage("assistant.why.similar", new Object[] {text}, locale));
    }

    /** The candidates for a question read against the same index, best first, before the no-match decision. */
    List<Ranker.Candidate> rank(ProcedureIndex idx, QueryReader.Reading reading, String unitCode, RankingWeights w) {
        return Ranker.rank(idx, reading, citizenLevel(unitCode), Ranker.namesBusiness(reading.unigrams(), reading.bigrams()), w);
    }

    /** The tuning grid's view: the candidates for a question, before the no-match decision. */
    List<Ranker.Candidate> candidates(String question, RankingWeights w) {
        ProcedureIndex idx = keeper.current();
        return rank(idx, reader.read(VietnameseAnalysis.normalize(question).strip(), idx), null, w);
    }

    /** The index now serving (the tuning tools' view). */
    ProcedureIndex index() {
        return keeper.current();
    }

    /** The tuning tools' view of how a question is read. */
    QueryReader.Reading reading(String question) {
        return reader.read(VietnameseAnalysis.normalize(question).strip(), keeper.current());
    }

    AgencyLevel citizenLevel(String unitCode) {
        if (unitCode == null || unitCode.isBlank()) {
            return AgencyLevel.COMMUNE;
        }
        Territory t = territory.getIfAvailable();
        if (t == null) {
            return AgencyLevel.COMMUNE;
        }
        return t.unit(unitCode.strip(), LocalDate.now(clock.withZone(ZONE))).map(AdministrativeUnit::type)
                .map(type -> type.isProvinceLevel() ? AgencyLevel.PROVINCE : AgencyLevel.COMMUNE)
                .orElse(AgencyLevel.COMMUNE);
    }
}
