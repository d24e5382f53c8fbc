-- Notifications reach a channel in order per (rule, integration), across the alerts of one integration (a firing
-- after a resolution is a new alert) and after the alert rows are gone: `stream` names that sequence.
ALTER TABLE "notifications" ADD COLUMN "stream" VARCHAR(100);
UPDATE "notifications" n SET "stream" = a."rule_id"::text || '|' || a."integration_id"::text
  FROM "alerts" a WHERE a."id" = n."alert_id";
UPDATE "notifications" SET "stream" = 'alert-gone|' || "id"::text WHERE "stream" IS NULL;
ALTER TABLE "notifications" ALTER COLUMN "stream" SET NOT NULL;

DROP INDEX "notifications_undelivered_idx";
-- The delivery claim reads the oldest undelivered notification per (channel, stream): only those rows, in that order.
CREATE INDEX "notifications_undelivered_idx" ON "notifications"("channel_id", "stream", "id")
    WHERE "delivered_at" IS NULL AND "gave_up_at" IS NULL;
