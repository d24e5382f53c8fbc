-- Stored formats keyed by name instead of by the position of a constant.
-- * Rollups: one latency histogram and one maximum per phase, in columns named after the phase, instead of one
--   flat array sliced by the index of LATENCY_PHASES. The buckets of each histogram are those of
--   LATENCY_BUCKET_BOUNDS_MS (libs/diagnosis), which are pinned: a new layout needs a new column.
--   A phase without observations has a NULL maximum (was 0).
-- * failures_by_category (counts in the order of CATEGORIES) and integration_statuses.consecutive_failures were
--   written and never read: dropped.
-- * integration_statuses.overview_group names the overview group of the newest result (decided in TypeScript,
--   overviewGroupOf in libs/contracts), so the overview no longer carries the rule in SQL.

ALTER TABLE "result_rollups_minute"
  ADD COLUMN "dns_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
  ADD COLUMN "dns_max_ms" REAL,
  ADD COLUMN "connect_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
  ADD COLUMN "connect_max_ms" REAL,
  ADD COLUMN "tls_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
  ADD COLUMN "tls_max_ms" REAL,
  ADD COLUMN "ttfb_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
  ADD COLUMN "ttfb_max_ms" REAL,
  ADD COLUMN "total_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
  ADD COLUMN "total_max_ms" REAL;

UPDATE "result_rollups_minute" SET
  "dns_histogram" = coalesce("latency_histogram"[1:18], ARRAY[]::INTEGER[]),
  "dns_max_ms" = CASE WHEN (SELECT sum(c) FROM unnest("latency_histogram"[1:18]) AS c) > 0 THEN "latency_max_ms"[1] END,
  "connect_histogram" = coalesce("latency_histogram"[19:36], ARRAY[]::INTEGER[]),
  "connect_max_ms" = CASE WHEN (SELECT sum(c) FROM unnest("latency_histogram"[19:36]) AS c) > 0 THEN "latency_max_ms"[2] END,
  "tls_histogram" = coalesce("latency_histogram"[37:54], ARRAY[]::INTEGER[]),
  "tls_max_ms" = CASE WHEN (SELECT sum(c) FROM unnest("latency_histogram"[37:54]) AS c) > 0 THEN "latency_max_ms"[3] END,
  "ttfb_histogram" = coalesce("latency_histogram"[55:72], ARRAY[]::INTEGER[]),
  "ttfb_max_ms" = CASE WHEN (SELECT sum(c) FROM unnest("latency_histogram"[55:72]) AS c) > 0 THEN "latency_max_ms"[4] END,
  "total_histogram" = coalesce("latency_histogram"[73:90], ARRAY[]::INTEGER[]),
  "total_max_ms" = CASE WHEN (SELECT sum(c) FROM unnest("latency_histogram"[73:90]) AS c) > 0 THEN "latency_max_ms"[5] END;

ALTER TABLE "result_rollups_minute" DROP COLUMN "latency_histogram", DROP COLUMN "latency_max_ms", DROP COLUMN "failures_by_category";

ALTER TABLE "result_rollups_hour"
  ADD COLUMN "dns_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
  ADD COLUMN "dns_max_ms" REAL,
  ADD COLUMN "connect_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
  ADD COLUMN "connect_max_ms" REAL,
  ADD COLUMN "tls_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
  ADD COLUMN "tls_max_ms" REAL,
  ADD COLUMN "ttfb_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
  ADD COLUMN "ttfb_max_ms" REAL,
  ADD COLUMN "total_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
  ADD COLUMN "total_max_ms" REAL;

UPDATE "result_rollups_hour" SET
  "dns_histogram" = coalesce("latency_histogram"[1:18], ARRAY[]::INTEGER[]),
  "dns_max_ms" = CASE WHEN (SELECT sum(c) FROM unnest("latency_histogram"[1:18]) AS c) > 0 THEN "latency_max_ms"[1] END,
  "connect_histogram" = coalesce("latency_histogram"[19:36], ARRAY[]::INTEGER[]),
  "connect_max_ms" = CASE WHEN (SELECT sum(c) FROM unnest("latency_histogram"[19:36]) AS c) > 0 THEN "latency_max_ms"[2] END,
  "tls_histogram" = coalesce("latency_histogram"[37:54], ARRAY[]::INTEGER[]),
  "tls_max_ms" = CASE WHEN (SELECT sum(c) FROM unnest("latency_histogram"[37:54]) AS c) > 0 THEN "latency_max_ms"[3] END,
  "ttfb_histogram" = coalesce("latency_histogram"[55:72], ARRAY[]::INTEGER[]),
  "ttfb_max_ms" = CASE WHEN (SELECT sum(c) FROM unnest("latency_histogram"[55:72]) AS c) > 0 THEN "latency_max_ms"[4] END,
  "total_histogram" = coalesce("latency_histogram"[73:90], ARRAY[]::INTEGER[]),
  "total_max_ms" = CASE WHEN (SELECT sum(c) FROM unnest("latency_histogram"[73:90]) AS c) > 0 THEN "latency_max_ms"[5] END;

ALTER TABLE "result_rollups_hour" DROP COLUMN "latency_histogram", DROP COLUMN "latency_max_ms", DROP COLUMN "failures_by_category";

ALTER TABLE "integration_statuses" ADD COLUMN "overview_group" VARCHAR(40);
UPDATE "integration_statuses"
SET "overview_group" = CASE WHEN "status" = 'up' OR "category" IS NULL THEN 'healthy' ELSE "category"::text END;
ALTER TABLE "integration_statuses" ALTER COLUMN "overview_group" SET NOT NULL, DROP COLUMN "consecutive_failures";
