-- Silences and maintenance windows, and the notifications they hold back until they are over.

-- CreateTable
CREATE TABLE "silences" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "scope" JSONB NOT NULL DEFAULT '{}',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "comment" TEXT NOT NULL,
    "recurrence" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "silences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "held_notifications" (
    "id" BIGSERIAL NOT NULL,
    "rule_id" UUID NOT NULL,
    "alert_key" TEXT NOT NULL,
    "notification" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "held_notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "silences_ends_at_idx" ON "silences"("ends_at");
CREATE INDEX "held_notifications_alert_key_idx" ON "held_notifications"("alert_key");

-- AddForeignKey
ALTER TABLE "held_notifications" ADD CONSTRAINT "held_notifications_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;
