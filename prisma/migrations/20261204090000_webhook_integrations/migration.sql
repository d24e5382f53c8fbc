-- Webhook monitoring (issue 13): an integration is probed (http) or receives deliveries (webhook). A webhook
-- integration has no URL or method; its receiver (the scheme and settings, the secret sealed in "secrets") is
-- in "webhook". An http integration may sign its request like a provider ("signing", the secret sealed too).
CREATE TYPE "IntegrationKind" AS ENUM ('http', 'webhook');

ALTER TABLE "integrations"
  ADD COLUMN "kind" "IntegrationKind" NOT NULL DEFAULT 'http',
  ADD COLUMN "webhook" JSONB,
  ADD COLUMN "signing" JSONB,
  ALTER COLUMN "url" DROP NOT NULL,
  ALTER COLUMN "method" DROP NOT NULL,
  ADD CONSTRAINT "integrations_kind_shape" CHECK (
    CASE "kind"
      WHEN 'http' THEN "url" IS NOT NULL AND "method" IS NOT NULL AND "webhook" IS NULL
      ELSE "url" IS NULL AND "method" IS NULL AND "webhook" IS NOT NULL AND "signing" IS NULL
    END
  );

-- When a webhook integration last had a delivery accepted: its silence is measured from there. Its schedule's
-- next_due_at is when that silence would exceed the window, pushed on by every accepted delivery.
ALTER TABLE "check_schedules" ADD COLUMN "last_delivery_at" TIMESTAMPTZ(3);
