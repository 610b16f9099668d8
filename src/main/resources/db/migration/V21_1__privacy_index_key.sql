-- Privacy (issue 21): the key of the blind indexes. A blind index is HMAC-SHA256(index key, normalised value): it
-- lets SQL find rows by equality (a personal ID number) in a column whose value is encrypted, without the database
-- ever holding the value or the key. The key is a Tink PRF keyset (HMAC-SHA256), one for the whole database, stored
-- here wrapped by the key-encryption key like the data keys (privacy_data_key), and re-wrapped when the KEK rotates.
-- It is not a data key and does not rotate with them: a new index key would change every index value (a full
-- re-index), which the data-key rotation does not need.
create table privacy_index_key
(
    id         serial primary key,
    wrapped    bytea       not null,  -- the Tink keyset encrypted by the KEK
    kek_key_id bigint      not null,  -- the KEK's key (Tink key id) that wrapped it
    created_at timestamptz not null
);
