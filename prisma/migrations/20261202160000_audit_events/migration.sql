-- The audit log (issue 12): who changed what and when, with the names of the fields sent, never their values.
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_kind" VARCHAR(10) NOT NULL,
    "actor_id" VARCHAR(100),
    "actor_name" VARCHAR(254) NOT NULL,
    "action" VARCHAR(60) NOT NULL,
    "object_type" VARCHAR(40) NOT NULL,
    "object_id" VARCHAR(100),
    "object_name" VARCHAR(254),
    "fields" TEXT[],

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "audit_events_object_type_object_id_id_idx" ON "audit_events"("object_type", "object_id", "id");
