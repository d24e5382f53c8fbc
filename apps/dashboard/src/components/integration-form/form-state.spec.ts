import { MASKED_SECRET } from '@ihm/contracts';
import { storedIntegration } from './fixtures';
import { addHeaderRow, fromIntegration } from './form-state';

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
    expect(form.stored).toEqual({ authType: 'oauth2ClientCredentials', headerNames: ['X-Api-Key'] });
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
