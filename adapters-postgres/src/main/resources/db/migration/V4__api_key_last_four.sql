-- The last four characters of each key, so a person can tell a project's keys apart (never the key itself:
-- that is stored only as its hash). Keys issued before this have none.
ALTER TABLE api_keys ADD COLUMN last_four text CHECK (char_length(last_four) = 4);
