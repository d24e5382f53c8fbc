-- CreateEnum
CREATE TYPE "AuthType" AS ENUM ('none', 'apiKey', 'bearer', 'basic', 'oauth2ClientCredentials');

-- CreateEnum
CREATE TYPE "ProbeStatus" AS ENUM ('up', 'degraded', 'down');

-- CreateEnum
CREATE TYPE "Category" AS ENUM ('authentication', 'rate_limiting', 'data_validation', 'schema_mismatch', 'network_timeout', 'connectivity', 'misconfigured_webhook', 'not_found', 'server_error', 'service_unavailable');

-- CreateTable
CREATE TABLE "integrations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(100) NOT NULL,
    "url" TEXT NOT NULL,
    "method" VARCHAR(10) NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "body" TEXT,
    "auth_type" "AuthType" NOT NULL DEFAULT 'none',
    "auth_config" JSONB NOT NULL DEFAULT '{}',
    "secrets" BYTEA,
    "expected_status" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "response_schema" JSONB,
    "interval_seconds" INTEGER NOT NULL DEFAULT 60,
    "timeout_ms" INTEGER NOT NULL DEFAULT 10000,
    "latency_threshold_ms" INTEGER,
    "rate_limit_warn_percent" INTEGER NOT NULL DEFAULT 10,
    "token_expiry_warn_days" INTEGER NOT NULL DEFAULT 7,
    "certificate_expiry_warn_days" INTEGER NOT NULL DEFAULT 14,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "integrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "probe_results" (
    "id" BIGSERIAL NOT NULL,
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

    CONSTRAINT "probe_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_settings" (
    "key" VARCHAR(100) NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "integrations_name_key" ON "integrations"("name");

-- CreateIndex
CREATE INDEX "probe_results_integration_id_started_at_idx" ON "probe_results"("integration_id", "started_at" DESC);

-- AddForeignKey
ALTER TABLE "probe_results" ADD CONSTRAINT "probe_results_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
