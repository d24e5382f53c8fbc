-- A notification outlives its alert: deleting an integration or a rule first resolves its firing alerts, and
-- those resolutions must still reach the receivers after the alert rows are gone.
ALTER TABLE "notifications" ALTER COLUMN "alert_id" DROP NOT NULL;
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_alert_id_fkey";
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE SET NULL ON UPDATE CASCADE;
