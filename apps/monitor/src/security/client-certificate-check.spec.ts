import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientCertificate } from '@ihm/contracts';
import { clientCertificateErrors } from './client-certificate-check';

const fixture = (name: string) =>
  readFileSync(
    join(__dirname, '..', '..', '..', '..', 'libs', 'probe', 'test', 'fixtures', 'tls', name),
    'utf8',
  );
const certificate = fixture('client.pem');
const privateKey = fixture('client.key');
const encrypted = fixture('client-encrypted.key');

describe(clientCertificateErrors.name, () => {
  it.each<[string, ClientCertificate | null, string[]]>([
    ['no certificate', null, []],
    ['a certificate and its key', { certificate, privateKey }, []],
    [
      'an encrypted key with its passphrase',
      { certificate, privateKey: encrypted, passphrase: 'fixture-passphrase' },
      [],
    ],
    [
      'an encrypted key without a passphrase',
      { certificate, privateKey: encrypted },
      ['clientCertificate.passphrase: the private key is encrypted: enter its passphrase'],
    ],
    [
      'a wrong passphrase',
      { certificate, privateKey: encrypted, passphrase: 'not-it' },
      ['clientCertificate.passphrase: does not open the private key'],
    ],
    [
      'the key of another certificate',
      { certificate, privateKey: fixture('other-client.key') },
      ['clientCertificate.privateKey: does not belong to the certificate'],
    ],
    [
      'a certificate that is not one',
      { certificate: '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----', privateKey },
      ['clientCertificate.certificate: is not an X.509 certificate that can be read (PEM)'],
    ],
    [
      'a key that is not one',
      { certificate, privateKey: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' },
      ['clientCertificate.privateKey: is not a private key that can be read (PEM, PKCS#8 or PKCS#1)'],
    ],
  ])('%s', (_label, input, expected) => {
    expect(clientCertificateErrors(input).map((e) => `${e.field}: ${e.message}`)).toEqual(expected);
  });
});
