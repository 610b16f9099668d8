/**
 * The citizen assistant: a question in everyday Vietnamese → the procedures that fit, with the words that matched, a
 * clarifying question when the best answers differ in a way the citizen can tell, and "no match" when nothing fits.
 * Retrieval is in-process (Lucene BM25 over the catalogue in force, Vietnamese folding, syllable bigrams and a
 * colloquial synonym graph); and help with the hand-written e-forms (per-field help, prefill from the citizen's last
 * dossier, checks before submit); see docs/assistant.md. Public API: {@link vn.motcua.assistant.Assistant},
 * {@link vn.motcua.assistant.FormHelp}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen assistant")
package vn.motcua.assistant;
