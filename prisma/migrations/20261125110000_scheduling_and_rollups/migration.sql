-- Scheduling state, latest status, rollups, and raw results partitioned by day.

-- Element-wise sums and maxima of arrays: rollup rows merge by adding histograms and keeping maxima.
CREATE FUNCTION "ihm_int_array_add"(a INTEGER[], b INTEGER[]) RETURNS INTEGER[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i), '{}')
  FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i)
$$;

CREATE FUNCTION "ihm_real_array_max"(a REAL[], b REAL[]) RETURNS REAL[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(greatest(x, y) ORDER BY i), '{}')
  FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i)
$$;

-- Creates the daily partition of probe_results that holds `day` (UTC), if it is missing.
CREATE FUNCTION "ihm_ensure_result_partition"(day DATE) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
  name TEXT := 'probe_results_p' || to_char(day, 'YYYYMMDD');
BEGIN
  EXECUTE format(
    'CREATE TABLE IF NOT EXISTS %I PARTITION OF "probe_results" FOR VALUES FROM (%L) TO (%L)',
    name, (day::timestamp AT TIME ZONE 'UTC'), ((day + 1)::timestamp AT TIME ZONE 'UTC'));
END
$$;

-- Raw results become a table partitioned by day, so retention is a cheap DROP of old partitions.
ALTER TABLE "probe_results" RENAME TO "probe_results_unpartitioned";
ALTER TABLE "probe_results_unpartitioned" RENAME CONSTRAINT "probe_results_pkey" TO "probe_results_unpartitioned_pkey";
ALTER TABLE "probe_results_unpartitioned" RENAME CONSTRAINT "probe_results_integration_id_fkey" TO "probe_results_unpartitioned_integration_id_fkey";
ALTER INDEX "probe_results_integration_id_started_at_idx" RENAME TO "probe_results_unpartitioned_integration_id_started_at_idx";
ALTER SEQUENCE "probe_results_id_seq" OWNED BY NONE;

CREATE TABLE "probe_results" (
    "id" BIGINT NOT NULL DEFAULT nextval('probe_results_id_seq'),
    "integration_id" UUID NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "ProbeStatus" NOT NULL,
    "category" "Category",
    "http_status" SMALLINT,
    "message" TEXT NOT NULL,
    "dns_ms" REAL,
    "connect_ms" REAL,
    "tls_ms" REAL,
    "ttfb_ms" REAL,
    "total_ms" REAL,
    "rate_limit_limit" INTEGER,
    "rate_limit_remaining" INTEGER,
    "rate_limit_reset_at" TIMESTAMPTZ(3),
    "retry_after_seconds" INTEGER,
    "schema_errors" JSONB NOT NULL DEFAULT '[]',
    "tls" JSONB,
    "evidence" JSONB,
    "troubleshooting" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "probe_results_pkey" PRIMARY KEY ("id", "started_at")
) PARTITION BY RANGE ("started_at");
ALTER SEQUENCE "probe_results_id_seq" OWNED BY "probe_results"."id";

CREATE INDEX "probe_results_integration_id_started_at_idx" ON "probe_results"("integration_id", "started_at" DESC);
ALTER TABLE "probe_results" ADD CONSTRAINT "probe_results_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

SELECT "ihm_ensure_result_partition"(day::date)
FROM generate_series(
  least((SELECT min("started_at") FROM "probe_results_unpartitioned"), now()) AT TIME ZONE 'UTC',
  (now() + interval '7 days') AT TIME ZONE 'UTC',
  interval '1 day') AS day;

INSERT INTO "probe_results" SELECT * FROM "probe_results_unpartitioned";
DROP TABLE "probe_results_unpartitioned";

-- CreateTable
CREATE TABLE "check_schedules" (
    "integration_id" UUID NOT NULL,
    "next_due_at" TIMESTAMPTZ(3) NOT NULL,
    "lease_owner" VARCHAR(100),
    "lease_expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "check_schedules_pkey" PRIMARY KEY ("integration_id")
);

-- CreateTable
CREATE TABLE "integration_statuses" (
    "integration_id" UUID NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "ProbeStatus" NOT NULL,
    "category" "Category",
    "http_status" SMALLINT,
    "message" TEXT NOT NULL,
    "total_ms" REAL,
    "rate_limit_remaining" INTEGER,
    "rate_limit_limit" INTEGER,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "integration_statuses_pkey" PRIMARY KEY ("integration_id")
);

-- CreateTable
CREATE TABLE "result_rollups_minute" (
    "integration_id" UUID NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "probe_count" INTEGER NOT NULL,
    "degraded_count" INTEGER NOT NULL,
    "failure_count" INTEGER NOT NULL,
    "failures_by_category" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "latency_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "latency_max_ms" REAL[] DEFAULT ARRAY[]::REAL[],
    "rate_limit_remaining" INTEGER,
    "rate_limit_limit" INTEGER,
    "rate_limit_at" TIMESTAMPTZ(3),

    CONSTRAINT "result_rollups_minute_pkey" PRIMARY KEY ("integration_id", "bucket_start")
);

-- CreateTable
CREATE TABLE "result_rollups_hour" (
    "integration_id" UUID NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "probe_count" INTEGER NOT NULL,
    "degraded_count" INTEGER NOT NULL,
    "failure_count" INTEGER NOT NULL,
    "failures_by_category" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "latency_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "latency_max_ms" REAL[] DEFAULT ARRAY[]::REAL[],
    "rate_limit_remaining" INTEGER,
    "rate_limit_limit" INTEGER,
    "rate_limit_at" TIMESTAMPTZ(3),

    CONSTRAINT "result_rollups_hour_pkey" PRIMARY KEY ("integration_id", "bucket_start")
);

-- CreateIndex
CREATE INDEX "check_schedules_next_due_at_idx" ON "check_schedules"("next_due_at");

-- AddForeignKey
ALTER TABLE "check_schedules" ADD CONSTRAINT "check_schedules_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "integration_statuses" ADD CONSTRAINT "integration_statuses_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "result_rollups_minute" ADD CONSTRAINT "result_rollups_minute_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "result_rollups_hour" ADD CONSTRAINT "result_rollups_hour_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every existing integration gets a schedule, its first run spread over its interval by a hash of its id.
INSERT INTO "check_schedules" ("integration_id", "next_due_at")
SELECT "id", now() + (('x' || substr(md5("id"::text), 1, 8))::bit(32)::bigint % ("interval_seconds" * 1000)) * interval '1 millisecond'
FROM "integrations";
