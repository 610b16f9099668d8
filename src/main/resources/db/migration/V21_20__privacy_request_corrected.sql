-- Privacy (issue 21): the officer's answer to a correction request says what was corrected (shown to the citizen).
alter table privacy_request add column corrected text;
