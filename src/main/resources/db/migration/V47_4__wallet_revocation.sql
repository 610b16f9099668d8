-- Revocation of a result issued by Motcua: by an officer of the issuing agency (or of an agency serving the unit that
-- succeeds the issuer's), with a reason; verification then answers valid=false, "đã thu hồi", and the date.
alter table wallet_document
    add column revoked_reason   text,
    add column revoked_by       text,   -- the officer's account
    add column revoked_by_name  text,
    add column revoked_agency   text;   -- the agency the officer acted for
