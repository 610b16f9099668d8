-- The public search (docs/questions.md, "Benches"): measured at 100,000 published answers.
-- 1. The search tests every term against public_fold row by row over the newest answers. Stored out of line
--    (TOAST, the default once a row passes 2 kB) each test read about two more pages: 4,287 buffers for the
--    2,000-row window, 551 with the column kept in the row (MAIN: the other long texts go out of line first).
--    The existing values are rewritten so they move back into their rows.
alter table question alter column public_fold set storage main;
update question set public_fold = public_fold || '' where public_fold is not null;

-- 2. With fastupdate (the default) new entries wait in the GIN's pending list until a vacuum, and every trigram
--    search reads the whole list: up to 4 MB (~450 pages) for a word found nowhere, against 9 pages once merged.
--    An answer is published rarely; its entries go straight into the index.
alter index question_public_fold_trgm set (fastupdate = off);
select gin_clean_pending_list('question_public_fold_trgm');
