-- Every stored file has its SHA-256 (hex): attachments had one from the start (dossier_attachment.sha256),
-- a step's result document gets one here.
alter table dossier_result add column sha256 text;
update dossier_result set sha256 = encode(sha256(content), 'hex') where content is not null;
