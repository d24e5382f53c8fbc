-- Grouping: notifications of one rule, kind and category to one channel that became due within the group wait of
-- the first are sent as one message. occurred_at is when a notification became due (due_at moves with the group
-- wait and retries); batch_id names the group's first row once the group is formed, so retries resend the same group.
ALTER TABLE "notifications" ADD COLUMN "group_key" VARCHAR(200);
ALTER TABLE "notifications" ADD COLUMN "occurred_at" TIMESTAMPTZ(3);
UPDATE "notifications" SET "occurred_at" = "due_at";
ALTER TABLE "notifications" ALTER COLUMN "occurred_at" SET NOT NULL;
ALTER TABLE "notifications" ADD COLUMN "batch_id" BIGINT;

CREATE INDEX "notifications_batch_id_idx" ON "notifications"("batch_id");
CREATE INDEX "notifications_groupable_idx" ON "notifications"("channel_id", "group_key", "occurred_at")
  WHERE "delivered_at" IS NULL AND "gave_up_at" IS NULL AND "batch_id" IS NULL AND "group_key" IS NOT NULL;

-- A group whose first row is gone (its alert deleted) leaves the others to be sent on their own.
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "notifications"("id") ON DELETE SET NULL ON UPDATE CASCADE;
