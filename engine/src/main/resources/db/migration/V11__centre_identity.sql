-- What a centre prints on the documents it hands over: its legal identity, and the name and function of each of
-- its counsellors for the signature block. One row per centre id (the centre of keys and tokens), set by an admin.
CREATE TABLE centre_identity (
    centre             VARCHAR(64)   PRIMARY KEY,
    name               VARCHAR(300)  NOT NULL,
    address            VARCHAR(1000),
    declaration_number VARCHAR(100),
    certification      VARCHAR(500),
    counsellors        TEXT          NOT NULL,
    updated_by         VARCHAR(200)  NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The beneficiary's name, printed on their own copy of the synthesis (the pseudonymous id is used elsewhere).
-- Sealed with the case's key like the other personal fields of the case.
ALTER TABLE bilan_case ADD COLUMN beneficiary_name TEXT;
