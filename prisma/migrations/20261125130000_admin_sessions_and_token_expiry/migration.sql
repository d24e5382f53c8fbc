-- Dashboard sign-in (the admin password's hash and sessions), and the bearer token's expiry on raw results.

-- AlterTable: on the partitioned table, the column reaches every partition.
ALTER TABLE "probe_results" ADD COLUMN "token_expires_at" TIMESTAMPTZ(3);

-- CreateTable: one row, so that every API process on this database checks the same password.
CREATE TABLE "admin_account" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "password_hash" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "admin_account_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "admin_account_single_row" CHECK ("id" = 1)
);

-- CreateTable: a session is stored as the sha256 of its token only.
CREATE TABLE "admin_sessions" (
    "token_hash" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "admin_sessions_pkey" PRIMARY KEY ("token_hash")
);

-- CreateIndex
CREATE INDEX "admin_sessions_expires_at_idx" ON "admin_sessions"("expires_at");
