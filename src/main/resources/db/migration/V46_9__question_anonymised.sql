-- When retention anonymised the question (the asker's name, contact and text; session 10); null while it is kept.
alter table question add column anonymised_at timestamptz;
