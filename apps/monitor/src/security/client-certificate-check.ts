import type { ClientCertificate, FieldError } from '@ihm/contracts';
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';

const field = (name: keyof ClientCertificate, message: string): FieldError => ({
  field: `clientCertificate.${name}`,
  message,
});

const ENCRYPTED_KEY = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/;

function readKey(certificate: ClientCertificate): KeyObject | FieldError {
  if (certificate.passphrase === undefined && ENCRYPTED_KEY.test(certificate.privateKey))
    return field('passphrase', 'the private key is encrypted: enter its passphrase');
  try {
    return createPrivateKey({ key: certificate.privateKey, passphrase: certificate.passphrase });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_OSSL_BAD_DECRYPT' || /bad decrypt/i.test(String(error)))
      return field('passphrase', 'does not open the private key');
    return field('privateKey', 'is not a private key that can be read (PEM, PKCS#8 or PKCS#1)');
  }
}

/**
 * What would make a TLS handshake with this certificate fail before it starts: a certificate or key that cannot be
 * read, a wrong passphrase, a key that is not the certificate's. Checked at registration so that the probe's
 * failures are the server's answers, not typing mistakes.
 */
export function clientCertificateErrors(certificate: ClientCertificate | null): FieldError[] {
  if (certificate === null) return [];
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(certificate.certificate);
  } catch {
    return [field('certificate', 'is not an X.509 certificate that can be read (PEM)')];
  }
  const key = readKey(certificate);
  if ('field' in key) return [key];
  return x509.checkPrivateKey(key) ? [] : [field('privateKey', 'does not belong to the certificate')];
}
