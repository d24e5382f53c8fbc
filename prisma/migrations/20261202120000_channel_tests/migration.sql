-- "Send test" counts as evidence of a channel's health: its last test, beside its last delivery attempt.
ALTER TABLE "channels" ADD COLUMN "last_test_at" TIMESTAMPTZ(3);
ALTER TABLE "channels" ADD COLUMN "last_test_ok" BOOLEAN;
ALTER TABLE "channels" ADD COLUMN "last_test_error" TEXT;
