package vn.motcua.assistant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The question as a Lucene query, span by span of its token graph: the alternatives of a span (the citizen's own words,
 * each lexicon expansion) compete in a {@link DisjunctionMaxQuery}, so a span counts once whichever reading matches best,
 * however many word pairs a long expansion brings ("bhyt" → "bảo hiểm y tế" no longer outweighs "thẻ BHYT"). The pairs
 * that join two spans compete the same way at each joint.
 */
final class SpanQueries {

    private SpanQueries() {
    }

    static Query build(VietnameseAnalysis.Graph graph, List<VietnameseAnalysis.Span> spans, Predicate<String> stop, RankingWeights w) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (int s = 0; s < spans.size() && clauses < 400; s++) {
            VietnameseAnalysis.Span span = spans.get(s);
            List<Query> alternatives = new ArrayList<>();
            boolean compete = span.alternatives().size() > 1;
            for (List<VietnameseAnalysis.Token> path : span.alternatives()) {
                Query q = alternative(path, stop, w, compete);
                if (q != null) {
                    alternatives.add(q);
                }
            }
            clauses += add(b, alternatives, w.tie());
            if (s > 0) {
                List<Query> joints = new ArrayList<>();
                for (String pair : graph.junction(span.from(), stop)) {
                    joints.add(pair(pair, w));
                }
                clauses += add(b, joints, w.tie());
            }
        }
        return b.build();
    }

    private static int add(BooleanQuery.Builder b, List<Query> alternatives, float tie) {
        if (alternatives.isEmpty()) {
            return 0;
        }
        b.add(alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, tie),
                BooleanClause.Occur.SHOULD);
        return 1;
    }

    /**
     * One reading of a span: its syllables and its inner word pairs; when it competes with other readings, a long one is
     * weighted down by its number of pairs (a lone expansion keeps its full weight: it is what matches a long name).
     */
    private static Query alternative(List<VietnameseAnalysis.Token> path, Predicate<String> stop, RankingWeights w,
                                     boolean compete) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = 0;
        for (VietnameseAnalysis.Token t : path) {
            if (t.synonym() || !stop.test(t.term())) {
                b.add(new BoostQuery(new TermQuery(new Term(ProcedureIndex.NAME, t.term())), w.name()), BooleanClause.Occur.SHOULD);
                b.add(new BoostQuery(new TermQuery(new Term(ProcedureIndex.BODY, t.term())), w.body()), BooleanClause.Occur.SHOULD);
                n++;
            }
        }
        int pairs = 0;
        for (int i = 0; i + 1 < path.size(); i++) {
            VietnameseAnalysis.Token a = path.get(i);
            VietnameseAnalysis.Token c = path.get(i + 1);
            if (a.synonym() || c.synonym() || !(stop.test(a.term()) && stop.test(c.term()))) {
                b.add(pair(a.term() + " " + c.term(), w), BooleanClause.Occur.SHOULD);
                pairs++;
            }
        }
        if (n + pairs == 0) {
            return null;
        }
        Query q = b.build();
        return compete && pairs > 1 && w.alpha() > 0 ? new BoostQuery(q, (float) Math.pow(pairs, -w.alpha())) : q;
    }

    private static Query pair(String pair, RankingWeights w) {
        return new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(ProcedureIndex.NAME2, pair)), w.name2()), BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(ProcedureIndex.BODY2, pair)), w.body2()), BooleanClause.Occur.SHOULD)
                .build();
    }

    /** The share of the question's spans (those with a content word) that the name covers: a word pair, or a lone word. */
    static double coverage(List<VietnameseAnalysis.Span> spans, Predicate<String> stop, Set<String> nameBigrams,
                           Set<String> nameUnigrams) {
        int content = 0;
        int covered = 0;
        for (VietnameseAnalysis.Span span : spans) {
            boolean any = false;
            boolean hit = false;
            for (List<VietnameseAnalysis.Token> path : span.alternatives()) {
                for (int i = 0; i < path.size(); i++) {
                    VietnameseAnalysis.Token t = path.get(i);
                    if (!t.synonym() && stop.test(t.term())) {
                        continue;
                    }
                    any = true;
                    if (path.size() == 1 ? nameUnigrams.contains(t.term())
                            : i + 1 < path.size() && nameBigrams.contains(t.term() + " " + path.get(i + 1).term())) {
                        hit = true;
                    }
                }
            }
            if (any) {
                content++;
                if (hit) {
                    covered++;
                }
            }
        }
        return content == 0 ? 0 : (double) covered / content;
    }
}
