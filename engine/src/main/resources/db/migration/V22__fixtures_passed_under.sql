-- The identity of the runtime that last passed each stored package's fixtures (BilanRuntime.identity()): loading the
-- package again under the same runtime need not run them again. Empty for packages stored before: their fixtures run
-- once more at their next load, which then records the runtime.
ALTER TABLE instrument_package ADD COLUMN fixtures_passed_under VARCHAR(64);
