-- A follow-up held before the day it is due needs a reason, recorded by a counsellor (sealed with the case's key
-- like the other personal fields of the case), with who recorded it and when.
ALTER TABLE bilan_case ADD COLUMN early_follow_up_reason TEXT;
ALTER TABLE bilan_case ADD COLUMN early_follow_up_by VARCHAR(200);
ALTER TABLE bilan_case ADD COLUMN early_follow_up_at TIMESTAMP WITH TIME ZONE;
