-- API keys: only a hash of the secret is kept; a revoked key stays, with when and by whom, for the record.
CREATE TABLE api_key (
    key_id      VARCHAR(16)  PRIMARY KEY,
    secret_hash VARCHAR(64)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    roles       VARCHAR(200) NOT NULL,
    centre      VARCHAR(64),
    created_by  VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_by  VARCHAR(200),
    revoked_at  TIMESTAMP WITH TIME ZONE
);

-- Who published a package: only they (or an admin) publish further versions of the instrument.
ALTER TABLE instrument_package ADD COLUMN published_by VARCHAR(200) NOT NULL DEFAULT 'bilan';
