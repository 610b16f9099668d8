/**
 * Citizens' questions and feedback (phản ánh, kiến nghị — Decree 20/2008/NĐ-CP as amended by Decree 92/2017/NĐ-CP):
 * submission signed in or with a contact, routing to the competent agency like dossiers (triage when uncertain),
 * the officers' handling under working-day time limits, redacted publication of answers, public search and ratings.
 * Public API: {@link vn.motcua.questions.QuestionState} and {@link vn.motcua.questions.QuestionCustody} (for the
 * reorganisation engine). See docs/questions.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Questions")
package vn.motcua.questions;
