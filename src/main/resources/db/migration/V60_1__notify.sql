-- Messages to applicants. Written by an event listener (through the event publication registry, so a
-- crash after the dossier commit still delivers), then sent by SMTP when a mail server is configured.
create table notification
(
    id          uuid primary key,
    dedup_key   text        not null unique,          -- dossier + event: a redelivered event writes nothing
    dossier_id  uuid,
    recipient   text        not null,
    subject     text        not null,
    body        text        not null,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    channel     text        not null default 'EMAIL',
    status      text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'OUTBOX_ONLY', 'FAILED')),
    error       text
);
create index notification_created on notification (created_at desc);
