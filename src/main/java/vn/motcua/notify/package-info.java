/**
 * Notifications to applicants (email now; SMS adapters later), written from dossier events — and to the askers of
 * citizens' questions, from question events — into a transactional outbox (the {@code notification} table) inside the
 * transaction that changes the dossier or question, and sent by SMTP after commit when a mail server is configured. In
 * demo mode, or without a mail server, messages stay in the outbox page {@code /outbox}.
 */
package vn.motcua.notify;
