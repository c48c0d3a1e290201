-- The key a case issued to its beneficiary: the only key the case may revoke. A case never names another key.
ALTER TABLE bilan_case ADD COLUMN beneficiary_key VARCHAR(16);

-- Cases opened before this column: a key subject is the case's own when it is a beneficiary key of the case's
-- centre, issued by the engine for a case ("beneficiary of a case") after the case was opened. A case that named a
-- key it did not issue (possible before: any key id could be given as the subject) loses that subject.
UPDATE bilan_case SET beneficiary_key = SUBSTR(beneficiary_subject, 5)
    WHERE beneficiary_subject LIKE 'key:%'
      AND EXISTS (SELECT 1 FROM api_key k
                  WHERE k.key_id = SUBSTR(bilan_case.beneficiary_subject, 5)
                    AND k.name = 'beneficiary of a case'
                    AND k.roles = 'beneficiary'
                    AND k.centre = bilan_case.centre
                    AND k.created_at >= bilan_case.created_at);
UPDATE bilan_case SET beneficiary_subject = NULL
    WHERE beneficiary_subject LIKE 'key:%' AND beneficiary_key IS NULL;

-- Why a key was revoked, next to who revoked it and when: keys are revoked, never deleted.
ALTER TABLE api_key ADD COLUMN revoked_reason VARCHAR(200);
