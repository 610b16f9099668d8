-- Privacy (issue 21): encryption at rest. Envelope encryption: file contents (and later sensitive fields) are
-- encrypted with AES-256-GCM data keys (Tink keysets, one per month of writing); each data key is stored here wrapped
-- (encrypted) by the key-encryption key (KEK), which never enters the database (a keystore file or an environment
-- variable in production, a file generated into the data directory in demo mode).
--
-- Stored ciphertext starts with a header: 'MCE' 0x00, then this table's id (4 bytes, big-endian), then Tink's
-- ciphertext. A rotation marks the keys in use as retiring and starts a new one for new writes; a background job
-- re-encrypts the rows under retiring keys, then retires them (the wrapped key is erased: nothing under it can be
-- read any more, so it is only erased once no row uses it).
create table privacy_data_key
(
    id             serial primary key,        -- in each ciphertext's header
    month          char(7)     not null,      -- YYYY-MM (Vietnam time) of the writes it serves
    wrapped        bytea,                     -- the Tink keyset encrypted by the KEK; null once retired
    kek_key_id     bigint      not null,      -- the KEK's key (Tink key id) that wrapped it
    created_at     timestamptz not null,
    retiring_since timestamptz,               -- a rotation asked for its rows to move to a newer key
    retired_at     timestamptz                -- no row uses it any more; the wrapped key is erased
);
create index privacy_data_key_month on privacy_data_key (month, id) where retiring_since is null;

-- One row per rotation, with its progress (rows re-encrypted of those to do when it started).
create table privacy_key_rotation
(
    id           serial primary key,
    started_at   timestamptz not null,
    requested_by text        not null,         -- account of the administrator (or 'system')
    kek_rotated  boolean     not null,         -- a new KEK key was made primary too
    to_do        bigint      not null,         -- rows under retiring keys (or not encrypted yet) at the start
    done         bigint      not null default 0,
    finished_at  timestamptz
);
