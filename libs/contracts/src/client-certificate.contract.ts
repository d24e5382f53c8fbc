import { z } from 'zod';
import { MASKED_SECRET } from './auth.contract';

const MAX_PEM_LENGTH = 16_384;

const pem = (what: string, label: RegExp) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .max(MAX_PEM_LENGTH, { error: `${what} must be at most ${MAX_PEM_LENGTH} characters` })
    .refine((value) => value === MASKED_SECRET || label.test(value), {
      error: `${what} must be PEM (-----BEGIN …-----)`,
    });

/**
 * Mutual TLS: the certificate (PEM, with any intermediates after it) and private key a probe presents to the
 * integration's origin. The key and its passphrase are secrets: encrypted at rest, masked on the way out.
 */
export const ClientCertificateSchema = z.strictObject({
  certificate: pem('certificate', /-----BEGIN CERTIFICATE-----/),
  privateKey: pem('privateKey', /-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/),
  passphrase: z
    .string({ error: 'passphrase must be a string' })
    .min(1, { error: 'passphrase must not be empty' })
    .max(1024, { error: 'passphrase must be at most 1024 characters' })
    .optional(),
});
export type ClientCertificate = z.infer<typeof ClientCertificateSchema>;

/** Which fields of a client certificate are secrets. */
export const CLIENT_CERTIFICATE_SECRET_FIELDS = ['privateKey', 'passphrase'] as const;
