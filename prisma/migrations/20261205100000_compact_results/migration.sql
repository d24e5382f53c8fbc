-- Storage at scale (issue 14): at 30,000 integrations every 30 s a day is 86 million results. A result is "kept"
-- when it failed or degraded or changed the integration's status; the others ("passed") are deleted after
-- SUCCESS_RESULTS_RETENTION_HOURS (the rollups hold what they said), found by the partial index below, and a day's
-- partition is rewritten (VACUUM FULL) once its passed results are gone, so that the space comes back.
ALTER TABLE "probe_results" ADD COLUMN "kept" BOOLEAN NOT NULL DEFAULT true;
CREATE INDEX "probe_results_passed_started_at_idx" ON "probe_results" ("started_at") WHERE NOT "kept";

-- Result partitions already rewritten without their passed results.
CREATE TABLE "compacted_result_partitions" (
  "name" VARCHAR(63) PRIMARY KEY,
  "compacted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

-- Rollups older than the finest window that reads them are merged into wider buckets (minute rows after 2 h into
-- 15 minutes, hour rows after 8 days into 6 hours) and old ones deleted: both by bucket_start, which grows with
-- the table, so a BRIN index finds them at almost no cost to the writes.
CREATE INDEX "result_rollups_minute_bucket_start_idx" ON "result_rollups_minute" USING BRIN ("bucket_start");
CREATE INDEX "result_rollups_hour_bucket_start_idx" ON "result_rollups_hour" USING BRIN ("bucket_start");
