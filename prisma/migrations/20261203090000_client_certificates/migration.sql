-- Mutual TLS (issue 12): an integration's client certificate, in clear; its private key and passphrase are
-- sealed in "secrets" with the other credentials.
ALTER TABLE "integrations" ADD COLUMN "client_certificate" JSONB;
