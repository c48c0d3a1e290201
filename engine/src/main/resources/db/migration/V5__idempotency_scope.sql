-- What a kept response belongs to (a case's id), so that erasing the case erases its responses by a plain key.
ALTER TABLE idempotent_request ADD COLUMN scope VARCHAR(36);
CREATE INDEX idempotent_request_scope ON idempotent_request (scope);

-- Responses kept before this column: the case they are about is in their location or their operation.
UPDATE idempotent_request SET scope = SUBSTR(location, 15, 36)
    WHERE location LIKE '/api/v1/cases/%';
UPDATE idempotent_request SET scope = SUBSTR(operation, 20, 36)
    WHERE scope IS NULL AND operation LIKE 'POST /api/v1/cases/%/%';
