-- Receipt numbers (số biên nhận) given at submission: 10 characters of Crockford's base32 (no I, L, O, U), nine
-- random and a Luhn mod 32 check character; the same algorithm as dossier.internal.ReceiptNumbers. The application
-- sets the number itself; the function is the column's default (dossiers inserted by SQL, e.g. bench fixtures) and
-- numbers the dossiers submitted before this migration.
create or replace function dossier_receipt_number() returns text
    language plpgsql volatile as
$$
declare
    alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    body      text := '';
    factor    int  := 2;
    total     int  := 0;
    addend    int;
begin
    for i in 1..9 loop
        body := body || substr(alphabet, 1 + floor(random() * 32)::int, 1);
    end loop;
    for i in reverse 9..1 loop
        addend := factor * (strpos(alphabet, substr(body, i, 1)) - 1);
        factor := case when factor = 2 then 1 else 2 end;
        total := total + addend / 32 + addend % 32;
    end loop;
    return body || substr(alphabet, 1 + (32 - total % 32) % 32, 1);
end
$$;

alter table dossier add column receipt_number text;
update dossier set receipt_number = dossier_receipt_number() where receipt_number is null;
alter table dossier alter column receipt_number set default dossier_receipt_number();
alter table dossier alter column receipt_number set not null;
create unique index dossier_receipt_number on dossier (receipt_number);
