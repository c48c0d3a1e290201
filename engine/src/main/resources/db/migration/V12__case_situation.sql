-- The person's situation as the counsellor records it with them (current occupation, ruled-out options, conditions
-- to leave or to seek, acceptable training, qualification), a JSON object the career options and the synthesis
-- draft of the case respect. Sealed with the case's key like the other personal fields of the case.
ALTER TABLE bilan_case ADD COLUMN situation TEXT;
