package vn.motcua.assistant.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Vietnamese text analysis without a word segmenter: syllables (the standard tokenizer splits on spaces and
 * punctuation), lower case, folded to ASCII ({@link ASCIIFoldingFilter} folds every Vietnamese letter, đ → d
 * included), so "Khai tử", "khai tu" and "KHAI TỬ" are the same; adjacent syllable pairs (shingles) stand in for
 * words ("khai tu" is one word, "tu phap" another). At query time a synonym graph rewrites citizens' words into the
 * catalogue's ({@code assistant/lexicon-vi.txt}).
 */
public final class VietnameseAnalysis {

    private VietnameseAnalysis() {
    }

    /** NFC, so that decomposed input (combining marks) folds like precomposed. */
    public static String normalize(String s) {
        return s == null ? "" : vn.motcua.platform.text.InputText.nfc(s);
    }

    /** Syllables, lower case, folded. */
    public static Analyzer folding() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new StandardTokenizer();
                return new TokenStreamComponents(t, new ASCIIFoldingFilter(new LowerCaseFilter(t)));
            }
        };
    }

    /** Adjacent syllable pairs only ("khai tu"), folded: the index side of the bigram fields. */
    public static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new StandardTokenizer();
                ShingleFilter s = new ShingleFilter(new ASCIIFoldingFilter(new LowerCaseFilter(t)), 2, 2);
                s.setOutputUnigrams(false);
                return new TokenStreamComponents(t, s);
            }
        };
    }

    /** Folding followed by the synonym graph (query side only). */
    public static Analyzer query(SynonymMap lexicon) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new StandardTokenizer();
                TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(t));
                if (lexicon != null && lexicon.fst != null) {
                    s = new SynonymGraphFilter(s, lexicon, true);
                }
                return new TokenStreamComponents(t, s);
            }
        };
    }

    /** Parses a lexicon in the Solr synonyms format; entries are folded like the text. */
    public static SynonymMap lexicon(Reader reader) {
        try (Analyzer a = folding()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, a);
            parser.parse(reader);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("assistant lexicon, line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        }
    }

    /** The folded syllables of a text. */
    public static List<String> fold(Analyzer folding, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = folding.tokenStream("f", normalize(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * A token of the query graph: it spans the nodes {@code [from, to)}; {@code synonym} when the lexicon put it there;
     * {@code [start, end)} the characters of the question it stands for (one rewrite's tokens share them).
     */
    public record Token(String term, int from, int to, boolean synonym, int start, int end) {
    }

    /** The query's token graph after the lexicon, with its unigrams and its bigrams (pairs of adjacent tokens). */
    public record Graph(List<Token> tokens) {

        public Set<String> unigrams() {
            Set<String> out = new LinkedHashSet<>();
            tokens.forEach(t -> out.add(t.term()));
            return out;
        }

        /** Every pair a b where b starts at the node a ends on: the graph's syllable bigrams, synonyms included. */
        public Set<String> bigrams() {
            Set<String> out = new LinkedHashSet<>();
            for (Token a : tokens) {
                for (Token b : tokens) {
                    if (b.from() == a.to()) {
                        out.add(a.term() + " " + b.term());
                    }
                }
            }
            return out;
        }

        /** The pairs of two adjacent syllables the citizen typed (neither written by the lexicon). */
        public Set<String> typedBigrams() {
            Set<String> out = new LinkedHashSet<>();
            for (Token a : tokens) {
                for (Token b : tokens) {
                    if (b.from() == a.to() && !a.synonym() && !b.synonym()) {
                        out.add(a.term() + " " + b.term());
                    }
                }
            }
            return out;
        }

        /** The bigrams, less pairs of two function words typed by the citizen (a pair the lexicon wrote is kept). */
        public Set<String> bigrams(java.util.function.Predicate<String> stop) {
            Set<String> out = new LinkedHashSet<>();
            for (Token a : tokens) {
                for (Token b : tokens) {
                    if (b.from() == a.to() && (a.synonym() || b.synonym() || !(stop.test(a.term()) && stop.test(b.term())))) {
                        out.add(a.term() + " " + b.term());
                    }
                }
            }
            return out;
        }

        /**
         * The graph cut into spans: between two nodes that no token crosses, every path is one alternative reading of
         * the same citizen words (their own, or each lexicon expansion). A citizen's word the lexicon left alone is a
         * span of one token; a lexicon rewrite is one span however long its expansions.
         */
        public List<Span> spans() {
            int end = tokens.stream().mapToInt(Token::to).max().orElse(0);
            boolean[] crossed = new boolean[end + 1];
            for (Token t : tokens) {
                for (int k = t.from() + 1; k < t.to(); k++) {
                    crossed[k] = true;
                }
            }
            List<Span> out = new ArrayList<>();
            int start = tokens.stream().mapToInt(Token::from).min().orElse(0);
            for (int k = start + 1; k <= end; k++) {
                int node = k;
                if (!crossed[k] && tokens.stream().anyMatch(t -> t.to() == node) && !insideRewrite(node)) {
                    out.add(new Span(start, k, paths(start, k)));
                    start = k;
                }
            }
            return out;
        }

        /** A node between two tokens of the same lexicon rewrite (they stand for the same characters of the question). */
        private boolean insideRewrite(int node) {
            for (Token a : tokens) {
                for (Token b : tokens) {
                    if (a.to() == node && b.from() == node && a.synonym() && b.synonym() && a.start() == b.start()
                            && a.end() == b.end()) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Every path of tokens from node {@code from} to node {@code to} (at most a few: one per lexicon alternative). */
        private List<List<Token>> paths(int from, int to) {
            List<List<Token>> out = new ArrayList<>();
            walk(from, to, new ArrayList<>(), out);
            return out;
        }

        private void walk(int node, int to, List<Token> path, List<List<Token>> out) {
            if (node == to) {
                out.add(List.copyOf(path));
                return;
            }
            if (out.size() >= 16) {
                return;
            }
            for (Token t : tokens) {
                if (t.from() == node && t.to() <= to) {
                    path.add(t);
                    walk(t.to(), to, path, out);
                    path.remove(path.size() - 1);
                }
            }
        }

        /** The pairs that cross node {@code k} (last token of one span, first of the next), function-word pairs left out. */
        public Set<String> junction(int k, java.util.function.Predicate<String> stop) {
            Set<String> out = new LinkedHashSet<>();
            for (Token a : tokens) {
                for (Token b : tokens) {
                    if (a.to() == k && b.from() == k && (a.synonym() || b.synonym() || !(stop.test(a.term()) && stop.test(b.term())))) {
                        out.add(a.term() + " " + b.term());
                    }
                }
            }
            return out;
        }

        public boolean anySynonym() {
            return tokens.stream().anyMatch(Token::synonym);
        }
    }

    /** A span of the query graph {@code [from, to)} with its alternative readings (paths of tokens). */
    public record Span(int from, int to, List<List<Token>> alternatives) {
    }

    public static Graph graph(Analyzer query, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = query.tokenStream("q", normalize(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                tokens.add(new Token(term.toString(), pos, pos + len.getPositionLength(),
                        SynonymGraphFilter.TYPE_SYNONYM.equals(type.type()), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Graph(List.copyOf(tokens));
    }
}
