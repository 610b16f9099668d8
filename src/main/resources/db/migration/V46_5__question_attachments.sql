-- Questions (issue 22): files a citizen attaches to a question. The same checks as dossier attachments (by parsing:
-- PDF, JPEG, PNG; dossier.AttachmentFiles). The bytes are encrypted at rest by the privacy module's Vault (column
-- "question_attachment.content", in the rotation list). A file is never public unless an officer of the holding
-- agency marks it publishable; it is then served on the public answer page once the answer is published.
create table question_attachment
(
    id           uuid primary key,
    question_id  uuid        not null references question (id),
    file_name    text        not null,
    content_type text        not null,
    size_bytes   int         not null,
    sha256       text        not null,
    content      bytea       not null,
    uploaded_by  text        not null,             -- account username, or 'anonymous'
    uploaded_at  timestamptz not null,
    publishable  boolean     not null default false,
    marked_by    text,                             -- the officer who last marked it publishable or not
    marked_at    timestamptz
);
create index question_attachment_question on question_attachment (question_id);
