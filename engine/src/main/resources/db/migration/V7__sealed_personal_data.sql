-- Personal data is stored sealed (AES-GCM) with a key per case kept outside the database, in the keyring folder:
-- erasing a case destroys its key, so what the database files still hold of it (free pages, dead tuples, WAL,
-- backups) cannot be read. Sealed values are longer than the plaintext: their columns become TEXT (request bodies
-- keep their own limits). The beneficiary's subject is found by a keyed hash.
ALTER TABLE bilan_case ADD COLUMN beneficiary_subject_hash VARCHAR(64);
CREATE INDEX bilan_case_beneficiary ON bilan_case (centre, beneficiary_subject_hash);
ALTER TABLE bilan_case ALTER COLUMN beneficiary SET DATA TYPE TEXT;
ALTER TABLE bilan_case ALTER COLUMN beneficiary_subject SET DATA TYPE TEXT;
ALTER TABLE bilan_case ALTER COLUMN fit_route SET DATA TYPE TEXT;
ALTER TABLE bilan_case ALTER COLUMN closing_route SET DATA TYPE TEXT;
ALTER TABLE bilan_case ALTER COLUMN beneficiary_signed_by SET DATA TYPE TEXT;
ALTER TABLE case_session ALTER COLUMN activities SET DATA TYPE TEXT;
ALTER TABLE case_synthesis ALTER COLUMN change_request SET DATA TYPE TEXT;
ALTER TABLE case_synthesis ALTER COLUMN approved_by SET DATA TYPE TEXT;
ALTER TABLE case_consent ALTER COLUMN recipient SET DATA TYPE TEXT;
ALTER TABLE case_consent ALTER COLUMN purpose SET DATA TYPE TEXT;
ALTER TABLE case_audit ALTER COLUMN detail SET DATA TYPE TEXT;
-- Who acted: the beneficiary among others, by their subject.
ALTER TABLE case_audit ALTER COLUMN actor SET DATA TYPE TEXT;
ALTER TABLE case_administration ALTER COLUMN administered_by SET DATA TYPE TEXT;
ALTER TABLE case_consent ALTER COLUMN given_by SET DATA TYPE TEXT;

-- Rows written before this version hold plaintext: the engine seals them at its next start, then drops this row.
CREATE TABLE personal_data_sealing (pending BOOLEAN NOT NULL);
INSERT INTO personal_data_sealing (pending) VALUES (TRUE);
