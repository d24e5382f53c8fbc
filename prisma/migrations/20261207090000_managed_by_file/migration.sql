-- Objects a config file (CONFIG_FILE / `npm run config -- apply`) manages carry the file's name: the API refuses
-- edits to them and names the file, and the file's next apply deletes those it no longer lists.
ALTER TABLE "integrations" ADD COLUMN "managed_by" TEXT;
ALTER TABLE "channels" ADD COLUMN "managed_by" TEXT;
ALTER TABLE "alert_rules" ADD COLUMN "managed_by" TEXT;
ALTER TABLE "silences" ADD COLUMN "managed_by" TEXT;
