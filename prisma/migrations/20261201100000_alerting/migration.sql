-- Alerting: rules, channels, what each rule has seen of each integration, alerts, the notification outbox and
-- every delivery attempt. Notifications are written in the same transaction as the alert change that causes them.

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(100) NOT NULL,
    "condition" JSONB NOT NULL,
    "scope" JSONB NOT NULL DEFAULT '{}',
    "min_severity" VARCHAR(10) NOT NULL DEFAULT 'down',
    "channel_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "renotify_minutes" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channels" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(100) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "secrets" BYTEA,
    "disabled_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_evaluations" (
    "rule_id" UUID NOT NULL,
    "integration_id" UUID NOT NULL,
    "state" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_evaluations_pkey" PRIMARY KEY ("rule_id","integration_id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "rule_id" UUID NOT NULL,
    "integration_id" UUID NOT NULL,
    "state" VARCHAR(10) NOT NULL,
    "category" "Category" NOT NULL,
    "severity" VARCHAR(10) NOT NULL,
    "message" TEXT NOT NULL,
    "troubleshooting" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "flapping" BOOLEAN NOT NULL DEFAULT false,
    "acknowledged_by" VARCHAR(200),
    "acknowledged_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "fired_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "message_id" VARCHAR(100) NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "payload" JSONB NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lease_owner" VARCHAR(100),
    "lease_expires_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "gave_up_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_attempts" (
    "id" BIGSERIAL NOT NULL,
    "notification_id" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "outcome" VARCHAR(10) NOT NULL,
    "status" INTEGER,
    "error" TEXT,
    "duration_ms" REAL NOT NULL,

    CONSTRAINT "delivery_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alert_rules_name_key" ON "alert_rules"("name");
CREATE UNIQUE INDEX "channels_name_key" ON "channels"("name");
CREATE UNIQUE INDEX "alerts_key_key" ON "alerts"("key");
CREATE INDEX "alerts_state_started_at_idx" ON "alerts"("state", "started_at" DESC);
CREATE INDEX "alerts_integration_id_started_at_idx" ON "alerts"("integration_id", "started_at" DESC);
CREATE UNIQUE INDEX "notifications_message_id_channel_id_key" ON "notifications"("message_id", "channel_id");
CREATE INDEX "notifications_due_at_idx" ON "notifications"("due_at");
CREATE INDEX "notifications_alert_id_idx" ON "notifications"("alert_id");
-- The delivery claim reads the oldest undelivered notification per (channel, alert): only those rows, in that order.
CREATE INDEX "notifications_undelivered_idx" ON "notifications"("channel_id", "alert_id", "id")
    WHERE "delivered_at" IS NULL AND "gave_up_at" IS NULL;
CREATE INDEX "delivery_attempts_notification_id_idx" ON "delivery_attempts"("notification_id");

-- AddForeignKey
ALTER TABLE "alert_evaluations" ADD CONSTRAINT "alert_evaluations_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alert_evaluations" ADD CONSTRAINT "alert_evaluations_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The default rule, so that the Alerts page works before anyone configures anything: 3 consecutive failures of
-- any category, resolved by 1 good probe, reminders every 4 h.
INSERT INTO "alert_rules" ("id", "name", "condition", "scope", "min_severity", "renotify_minutes", "updated_at")
VALUES ('00000000-0000-4000-8000-0000000a1e47', 'Default: 3 consecutive failures',
        '{"type":"consecutiveFailures","count":3,"recoverCount":1}', '{}', 'down', 240, CURRENT_TIMESTAMP);
