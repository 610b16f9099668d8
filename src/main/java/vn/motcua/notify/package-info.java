/**
 * Notifications to applicants (email now; SMS adapters later), written from dossier events. In demo
 * mode, or when no mail server is configured, messages stay in the outbox page {@code /outbox}.
 */
package vn.motcua.notify;
