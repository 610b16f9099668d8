-- The citizen's profile in the data store (kho dữ liệu cá nhân): what the e-form is prefilled with. One row per account;
-- addresses by administrative unit code (GSO), as the e-forms' "address" fields take them.
create table wallet_profile
(
    owner               text primary key,      -- the account (username)
    full_name           text,
    personal_id         text,                  -- số định danh cá nhân, 12 digits
    birth_date          date,
    sex                 text check (sex in ('MALE', 'FEMALE')),
    phone               text,
    email               text,
    permanent_unit_code text,                  -- nơi thường trú: ward/commune code
    permanent_detail    text,                  -- house number, street
    current_unit_code   text,                  -- nơi ở hiện tại
    current_detail      text,
    updated_at          timestamptz not null
);
