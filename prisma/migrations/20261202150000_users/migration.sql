-- Users and roles (issue 12). The single admin account becomes the first user (login `admin`, role admin, its
-- password kept); sessions and API tokens belong to a user. Sessions signed in before this had no user: they end.
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "role" VARCHAR(10) NOT NULL,
    "password_hash" TEXT,
    "invite_hash" BYTEA,
    "invite_expires_at" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "users_role_check" CHECK ("role" IN ('viewer', 'editor', 'admin'))
);

CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE UNIQUE INDEX "users_invite_hash_key" ON "users"("invite_hash");

INSERT INTO "users" ("email", "name", "role", "password_hash", "updated_at")
SELECT 'admin', 'Admin', 'admin', "password_hash", CURRENT_TIMESTAMP FROM "admin_account";

DROP TABLE "admin_account";

DELETE FROM "admin_sessions";
ALTER TABLE "admin_sessions" ADD COLUMN "user_id" UUID NOT NULL;
ALTER TABLE "admin_sessions" ADD CONSTRAINT "admin_sessions_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "admin_sessions_user_id_idx" ON "admin_sessions"("user_id");

ALTER TABLE "api_tokens" ADD COLUMN "user_id" UUID;
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
