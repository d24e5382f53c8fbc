-- Drift without a schema: what an integration's healthy responses looked like (paths and types, never values),
-- and each time a response broke from it, with the changes, until the shape came back or was accepted.
CREATE TABLE "response_shapes" (
  "integration_id" UUID PRIMARY KEY REFERENCES "integrations"("id") ON DELETE CASCADE,
  "learned" JSONB NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

CREATE TABLE "shape_drifts" (
  "id" BIGSERIAL PRIMARY KEY,
  "integration_id" UUID NOT NULL REFERENCES "integrations"("id") ON DELETE CASCADE,
  "started_at" TIMESTAMPTZ(3) NOT NULL,
  "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
  -- [{ kind, path, before?, after? }]: what changed, by field path.
  "changes" JSONB NOT NULL,
  -- The shape of the latest response that drifted: what "accept the new shape" learns.
  "shape" JSONB NOT NULL,
  "ended_at" TIMESTAMPTZ(3),
  -- 'returned' (the learned shape came back) or 'accepted' (someone accepted the new one).
  "end_reason" VARCHAR(10),
  "accepted_by" TEXT
);
CREATE INDEX "shape_drifts_integration_started_idx" ON "shape_drifts" ("integration_id", "started_at" DESC);
-- At most one drift of an integration is open at a time.
CREATE UNIQUE INDEX "shape_drifts_open_idx" ON "shape_drifts" ("integration_id") WHERE "ended_at" IS NULL;
