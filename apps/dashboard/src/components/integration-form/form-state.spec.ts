import { MASKED_SECRET } from '@ihm/contracts';
import { CERTIFICATE, PRIVATE_KEY, storedIntegration } from './fixtures';
import { addHeaderRow, fromIntegration, hasStoredPassphrase, hasStoredPrivateKey } from './form-state';

describe('fromIntegration', () => {
  it('never puts a masked secret into the form', () => {
    const form = fromIntegration(
      storedIntegration({
        auth: {
          type: 'oauth2ClientCredentials',
          tokenUrl: 'https://id.example.com/token',
          clientId: 'client',
          clientSecret: MASKED_SECRET,
          scope: 'read',
        },
      }),
    );
    expect(JSON.stringify(form)).not.toContain(MASKED_SECRET);
    expect(form.auth).toMatchObject({
      tokenUrl: 'https://id.example.com/token',
      clientId: 'client',
      scope: 'read',
    });
    expect(form.headers).toEqual([
      { key: 0, name: 'Accept', value: 'application/json' },
      { key: 1, name: 'X-Api-Key', value: '' },
    ]);
    expect(form.stored).toEqual({
      authType: 'oauth2ClientCredentials',
      headerNames: ['X-Api-Key'],
      clientCertificate: null,
      signingSecret: false,
      webhookSecret: false,
    });
    expect(form.clientCertificate).toEqual({
      enabled: false,
      certificate: '',
      privateKey: '',
      passphrase: '',
    });
  });

  it.each([
    {
      stored: { certificate: CERTIFICATE, privateKey: MASKED_SECRET, passphrase: MASKED_SECRET },
      passphrase: true,
    },
    { stored: { certificate: CERTIFICATE, privateKey: MASKED_SECRET }, passphrase: false },
  ])(
    'shows a stored client certificate, but not its key or passphrase (passphrase: $passphrase)',
    ({ stored, passphrase }) => {
      const form = fromIntegration(storedIntegration({ clientCertificate: stored }));
      expect(JSON.stringify(form)).not.toContain(MASKED_SECRET);
      expect(form.clientCertificate).toEqual({
        enabled: true,
        certificate: CERTIFICATE,
        privateKey: '',
        passphrase: '',
      });
      expect(form.stored?.clientCertificate).toEqual({ passphrase });
      expect(hasStoredPrivateKey(form)).toBe(true);
      expect(hasStoredPassphrase(form)).toBe(passphrase);
    },
  );

  it('does not keep a stored passphrase for a new key: it opened the stored one', () => {
    const form = fromIntegration(
      storedIntegration({
        clientCertificate: { certificate: CERTIFICATE, privateKey: MASKED_SECRET, passphrase: MASKED_SECRET },
      }),
    );
    const replaced = { ...form, clientCertificate: { ...form.clientCertificate, privateKey: PRIVATE_KEY } };
    expect(hasStoredPrivateKey(replaced)).toBe(true);
    expect(hasStoredPassphrase(replaced)).toBe(false);
  });

  it('shows lists and numbers as editable text', () => {
    const form = fromIntegration(storedIntegration({ latencyThresholdMs: 750 }));
    expect(form).toMatchObject({
      expectedStatus: '200, 204',
      tags: 'payments, eu',
      timeoutMs: '5000',
      latencyThresholdMs: '750',
      responseSchema: '{\n  "type": "object",\n  "required": [\n    "ok"\n  ]\n}',
    });
  });
});

describe('addHeaderRow', () => {
  it('gives each new row a key no other row has', () => {
    const rows = addHeaderRow([
      { key: 0, name: 'A', value: '' },
      { key: 3, name: 'B', value: '' },
    ]);
    expect(rows.map((row) => row.key)).toEqual([0, 3, 4]);
  });
});
