-- Prometheus series per integration, read at scrape time: the latest probe's phases, budget reset and expiries on
-- the latest status, and counters kept here (moved in the batch that writes the results) so that they are
-- monotonic across restarts and worker processes and never reset by retention.
ALTER TABLE "integration_statuses" ADD COLUMN "dns_ms" REAL;
ALTER TABLE "integration_statuses" ADD COLUMN "connect_ms" REAL;
ALTER TABLE "integration_statuses" ADD COLUMN "tls_ms" REAL;
ALTER TABLE "integration_statuses" ADD COLUMN "ttfb_ms" REAL;
ALTER TABLE "integration_statuses" ADD COLUMN "rate_limit_reset_at" TIMESTAMPTZ(3);
ALTER TABLE "integration_statuses" ADD COLUMN "certificate_expires_at" TIMESTAMPTZ(3);
ALTER TABLE "integration_statuses" ADD COLUMN "token_expires_at" TIMESTAMPTZ(3);

CREATE TABLE "integration_counters" (
    "integration_id" UUID NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "count" BIGINT NOT NULL,
    CONSTRAINT "integration_counters_pkey" PRIMARY KEY ("integration_id", "name")
);
ALTER TABLE "integration_counters" ADD CONSTRAINT "integration_counters_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
