-- The sections of a synthesis a counsellor has written (comma-separated names): drafting again keeps them and
-- redrafts the others. Drafts written before kept their circumstances and conclusion: they go on doing so.
ALTER TABLE case_synthesis ADD COLUMN edited VARCHAR(200) NOT NULL DEFAULT '';
UPDATE case_synthesis SET edited = 'circumstances,conclusion';
