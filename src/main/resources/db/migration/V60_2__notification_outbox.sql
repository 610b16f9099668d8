-- The notification table becomes a transactional outbox: rows are inserted in the transaction that changes the
-- dossier (no event publication registry any more), and OutboxSender sends PENDING ones by SMTP after commit,
-- claiming due rows with FOR UPDATE SKIP LOCKED and retrying failures with a growing delay until FAILED.
alter table notification
    add column attempts        int not null default 0, -- SMTP attempts made so far
    add column next_attempt_at timestamptz;            -- PENDING: not sent before this instant (null otherwise)

-- Rows written before this migration and never sent (a crash between insert and send) are due now.
update notification set next_attempt_at = created_at where status = 'PENDING';

-- The sender's queue: only rows still to send, in due order (small, whatever the size of the outbox).
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
