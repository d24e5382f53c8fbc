-- Scheduling through faults (issue 14). A check belongs to the worker that last ran it ("lease_owner" stays set
-- after its result is written), for as long as that worker's own lease here is renewed. While the database is
-- unreachable a worker runs only the checks it owns, until its lease would run out; other workers take a check
-- over only once its owner's lease has lapsed. "lease_expires_at" on a schedule now marks a run in flight.
CREATE TABLE "scheduler_workers" (
  "id" VARCHAR(100) PRIMARY KEY,
  "lease_expires_at" TIMESTAMPTZ(3) NOT NULL,
  "renewed_at" TIMESTAMPTZ(3) NOT NULL
);

CREATE INDEX "check_schedules_lease_owner_idx" ON "check_schedules" ("lease_owner");
