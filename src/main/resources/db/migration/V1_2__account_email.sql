-- An account may have an e-mail address: where a lockout notice goes after repeated failed sign-ins.
alter table account add column email text;
