import { MASKED_SECRET, type Integration, type ProbeResult } from '@ihm/contracts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActionResult } from '../../lib/action-result';
import { CERTIFICATE, PRIVATE_KEY, probeResult, storedIntegration } from './fixtures';
import { STORED_SECRET_NOTE } from './stored-secret-note';
import { IntegrationForm, type IntegrationFormProps } from './integration-form';
import { schemaCompileProblem } from '../../lib/schema-compile-problem';

/** The compile check the pages run on the server, run here. */
const compile = async (schema: Record<string, unknown>) => schemaCompileProblem(schema);

function setup(props: Partial<IntegrationFormProps> = {}) {
  const onSave = jest.fn<Promise<ActionResult<Integration>>, Parameters<IntegrationFormProps['onSave']>>(
    async (request) => ({ ok: true, value: { ...storedIntegration(), ...request } as Integration }),
  );
  const onTest = jest.fn<Promise<ActionResult<ProbeResult>>, Parameters<IntegrationFormProps['onTest']>>(
    async () => ({ ok: true, value: probeResult() }),
  );
  const onSaved = jest.fn();
  render(
    <IntegrationForm
      integration={null}
      onSave={onSave}
      onTest={onTest}
      onSaved={onSaved}
      onCheckSchema={compile}
      {...props}
    />,
  );
  return { user: userEvent.setup(), onSave, onTest, onSaved };
}

describe('IntegrationForm', () => {
  it('checks the JSON Schema as it is typed', async () => {
    const { user } = setup();
    const editor = screen.getByLabelText('Response JSON Schema');
    expect(screen.getByText(/Without a schema, the body is not checked/)).toBeInTheDocument();

    await user.click(editor);
    await user.paste('{"type": ');
    expect(
      await screen.findByText(/Invalid JSON at line 1, column 10: unexpected end of text/),
    ).toBeInTheDocument();
    expect(editor).toHaveAttribute('aria-invalid', 'true');
    expect(editor).toHaveAccessibleDescription(/Invalid JSON at line 1, column 10/);

    await user.paste('"objekt"}');
    expect(await screen.findByText(/Not a valid JSON Schema: .*type/)).toBeInTheDocument();

    await user.clear(editor);
    await user.paste('{"type": "object", "required": ["id"]}');
    expect(await screen.findByText(/✓ Valid JSON Schema/)).toBeInTheDocument();
    expect(editor).not.toHaveAttribute('aria-invalid');
  });

  it('shows a schema as an example of what it expects', async () => {
    const { user } = setup();
    await user.click(screen.getByLabelText('Response JSON Schema'));
    await user.paste(
      '{"type": "object", "properties": {"id": {"type": "integer"}, "at": {"type": "string", "format": "date"}}}',
    );
    await user.click(await screen.findByRole('button', { name: 'Show as example' }));
    expect(screen.getByText(/"id": 0,\s*"at": "2026-01-31"/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hide the example' }));
    expect(screen.queryByText(/"at": "2026-01-31"/)).not.toBeInTheDocument();
  });

  it('shows the fields of the selected auth type', async () => {
    const { user } = setup();
    expect(screen.queryByLabelText('Token')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Type'), 'API key');
    expect(screen.getByLabelText('Send the key in')).toBeInTheDocument();
    expect(screen.getByLabelText('Header or query parameter name')).toBeInTheDocument();
    expect(screen.getByLabelText('API key')).toHaveAttribute('type', 'password');

    await user.selectOptions(screen.getByLabelText('Type'), 'OAuth 2.0 client credentials');
    expect(screen.queryByLabelText('API key')).not.toBeInTheDocument();
    for (const label of ['Token URL', 'Client ID', 'Client secret', 'Scope']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }

    await user.selectOptions(screen.getByLabelText('Type'), 'Bearer token');
    expect(screen.getByLabelText('Token')).toHaveAttribute('type', 'password');
  });

  it('registers a new integration with the request built from the inputs', async () => {
    const { user, onSave, onSaved } = setup();
    await user.type(screen.getByLabelText('Name'), 'Payments');
    await user.type(screen.getByLabelText('URL'), 'https://api.example.com/status');
    await user.selectOptions(screen.getByLabelText('Method'), 'POST');
    await user.type(screen.getByLabelText('Body'), 'ping');
    await user.click(screen.getByRole('button', { name: 'Add header' }));
    await user.type(screen.getByLabelText('Header 1 name'), 'Accept');
    await user.type(screen.getByLabelText('Header 1 value'), 'application/json');
    await user.type(screen.getByLabelText('Expected status codes'), '200, 201');
    await user.clear(screen.getByLabelText('Interval (seconds)'));
    await user.type(screen.getByLabelText('Interval (seconds)'), '30');
    await user.type(screen.getByLabelText('Tags'), 'payments, eu');
    await user.click(screen.getByLabelText('Paused'));
    await user.click(screen.getByRole('button', { name: 'Register integration' }));

    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'Payments',
        url: 'https://api.example.com/status',
        method: 'POST',
        body: 'ping',
        headers: { Accept: 'application/json' },
        expectedStatus: [200, 201],
        intervalSeconds: 30,
        tags: ['payments', 'eu'],
        paused: true,
        auth: { type: 'none' },
      }),
    );
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ name: 'Payments' }));
  });

  it('keeps stored secrets write-only on edit and sends the mask for the ones left empty', async () => {
    const integration = storedIntegration();
    const { user, onSave } = setup({ integration });
    const token = screen.getByLabelText('Token');
    expect(token).toHaveAttribute('type', 'password');
    expect(token).toHaveValue('');
    expect(token).toHaveAccessibleDescription(STORED_SECRET_NOTE);
    const keyValue = screen.getByLabelText('Header 2 value');
    expect(keyValue).toHaveAttribute('type', 'password');
    expect(keyValue).toHaveValue('');
    expect(document.body.innerHTML).not.toContain(MASKED_SECRET);

    await user.clear(screen.getByLabelText('Expected status codes'));
    await user.type(screen.getByLabelText('Expected status codes'), '200 202');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const [request] = onSave.mock.calls[0] ?? [];
    expect(request).toMatchObject({
      auth: { type: 'bearer', token: MASKED_SECRET },
      headers: { Accept: 'application/json', 'X-Api-Key': MASKED_SECRET },
      expectedStatus: [200, 202],
      responseSchema: { type: 'object', required: ['ok'] },
    });
  });

  it('shows the API’s field errors next to their inputs and the others in the summary', async () => {
    const onSave = jest.fn(async (): Promise<ActionResult<Integration>> => ({
      ok: false,
      message: 'The integration is not valid.',
      fieldErrors: [
        { field: 'url', message: 'must be an absolute http:// or https:// URL' },
        { field: 'auth.token', message: 'enter the secret: the stored one belongs to another auth type' },
        { field: 'headers.X-Api-Key', message: 'must not contain line breaks' },
        { field: 'tags.1', message: 'tag must be at most 50 characters' },
        { field: 'intervalSecond', message: 'is not a known field' },
      ],
    }));
    const { user, onSaved } = setup({ integration: storedIntegration(), onSave });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const url = screen.getByLabelText('URL');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription('must be an absolute http:// or https:// URL');
    expect(screen.getByLabelText('Token')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Token')).toHaveAccessibleDescription(/belongs to another auth type/);
    expect(screen.getByLabelText('Header 2 value')).toHaveAccessibleDescription(
      /must not contain line breaks/,
    );
    expect(screen.getByLabelText('Header 1 value')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Tags')).toHaveAccessibleDescription(
      /“eu”: tag must be at most 50 characters/,
    );

    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('The integration is not valid.');
    expect(summary).toHaveTextContent('intervalSecond: is not a known field');
    expect(summary).toHaveTextContent('4 fields below are marked.');
    expect(summary).toHaveFocus();
    expect(onSaved).not.toHaveBeenCalled();

    await user.type(url, '/x');
    expect(url).not.toHaveAttribute('aria-invalid');
  });

  it('checks numbers before sending anything', async () => {
    const { user, onSave } = setup();
    await user.clear(screen.getByLabelText('Timeout (ms)'));
    await user.type(screen.getByLabelText('Timeout (ms)'), '2.5');
    await user.click(screen.getByRole('button', { name: 'Register integration' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Timeout (ms)')).toHaveAccessibleDescription(/Enter a whole number\./);
  });

  it('tests the current definition, busy until the result comes, then shows the result', async () => {
    let answer: (result: ActionResult<ProbeResult>) => void = () => undefined;
    const onTest = jest.fn(() => new Promise<ActionResult<ProbeResult>>((resolve) => (answer = resolve)));
    const { user } = setup({ integration: storedIntegration(), onTest });
    await user.clear(screen.getByLabelText('Name'));
    await user.click(screen.getByRole('button', { name: 'Test' }));

    expect(screen.getByRole('status')).toHaveTextContent('Testing…');
    expect(screen.getByRole('button', { name: 'Test' })).toHaveAttribute('aria-disabled', 'true');
    const [request, basedOn] = onTest.mock.calls[0] as unknown as Parameters<IntegrationFormProps['onTest']>;
    expect(basedOn).toBe('int_1');
    expect(request).not.toHaveProperty('name');
    expect(request.auth).toEqual({ type: 'bearer', token: MASKED_SECRET });

    answer({ ok: true, value: probeResult() });
    const result = await screen.findByRole('heading', { name: 'Test result' });
    const view = result.parentElement as HTMLElement;
    expect(within(view).getByText('Authentication')).toBeInTheDocument();
    expect(within(view).getByText('Bearer token expired 2 h ago (JWT exp)')).toBeInTheDocument();
    const steps = within(view).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual([
      'Validate credentials: renew the token.',
      'Check the logs of both systems.',
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Test finished: down.');
  });

  describe('the client certificate', () => {
    const withCertificate = () =>
      storedIntegration({
        clientCertificate: { certificate: CERTIFICATE, privateKey: MASKED_SECRET, passphrase: MASKED_SECRET },
      });

    it('is off by default; on, it registers the certificate, key and passphrase typed', async () => {
      const { user, onSave } = setup();
      const toggle = screen.getByRole('checkbox', { name: 'Present a client certificate' });
      expect(toggle).not.toBeChecked();
      expect(screen.queryByLabelText('Private key (PEM)')).not.toBeInTheDocument();

      await user.click(toggle);
      const certificate = screen.getByLabelText('Certificate (PEM)');
      const key = screen.getByLabelText('Private key (PEM)');
      const passphrase = screen.getByLabelText('Key passphrase');
      expect(certificate).toHaveClass('code');
      expect(key).toHaveAttribute('autocomplete', 'off');
      expect(key).toHaveAttribute('spellcheck', 'false');
      expect(passphrase).toHaveAttribute('type', 'password');
      expect(passphrase).toHaveAccessibleDescription('Optional: only for an encrypted key.');

      await user.type(screen.getByLabelText('Name'), 'Bank');
      await user.type(screen.getByLabelText('URL'), 'https://bank.example.com/status');
      await user.click(certificate);
      await user.paste(CERTIFICATE);
      await user.click(key);
      await user.paste(PRIVATE_KEY);
      await user.type(passphrase, 'fixture-passphrase');
      await user.click(screen.getByRole('button', { name: 'Register integration' }));

      expect(onSave).toHaveBeenCalledWith(
        expect.objectContaining({
          clientCertificate: {
            certificate: CERTIFICATE,
            privateKey: PRIVATE_KEY,
            passphrase: 'fixture-passphrase',
          },
        }),
      );
    });

    it('checks that the certificate and key look like PEM before sending', async () => {
      const { user, onSave } = setup();
      await user.click(screen.getByLabelText('Present a client certificate'));
      await user.type(screen.getByLabelText('Certificate (PEM)'), 'MIIB');
      await user.click(screen.getByRole('button', { name: 'Register integration' }));
      expect(onSave).not.toHaveBeenCalled();
      expect(screen.getByLabelText('Certificate (PEM)')).toHaveAccessibleDescription(
        /Paste PEM: it starts with -----BEGIN CERTIFICATE-----\./,
      );
      expect(screen.getByLabelText('Private key (PEM)')).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByLabelText('Private key (PEM)')).toHaveAccessibleDescription(
        /Paste the private key \(PEM\)\./,
      );
    });

    it('shows a stored one with its certificate, and its key and passphrase write-only', () => {
      setup({ integration: withCertificate() });
      expect(screen.getByLabelText('Present a client certificate')).toBeChecked();
      expect(screen.getByLabelText('Certificate (PEM)')).toHaveValue(CERTIFICATE);
      for (const label of ['Private key (PEM)', 'Key passphrase']) {
        expect(screen.getByLabelText(label)).toHaveValue('');
        expect(screen.getByLabelText(label)).toHaveAccessibleDescription(STORED_SECRET_NOTE);
      }
      expect(document.body.innerHTML).not.toContain(MASKED_SECRET);
    });

    it.each([
      {
        case: 'keeping the stored key and passphrase sends their masks',
        change: async () => undefined,
        sent: { certificate: CERTIFICATE, privateKey: MASKED_SECRET, passphrase: MASKED_SECRET },
      },
      {
        case: 'turning it off sends null',
        change: async (user: ReturnType<typeof userEvent.setup>) => {
          await user.click(screen.getByLabelText('Present a client certificate'));
          expect(screen.getByLabelText('Present a client certificate')).toHaveAccessibleDescription(
            'Off: saving removes the stored certificate and key.',
          );
        },
        sent: null,
      },
      {
        case: 'replacing the key sends the new one, and no passphrase for it unless typed',
        change: async (user: ReturnType<typeof userEvent.setup>) => {
          await user.click(screen.getByLabelText('Private key (PEM)'));
          await user.paste(PRIVATE_KEY);
          expect(screen.getByLabelText('Key passphrase')).toHaveAccessibleDescription(
            'Optional: only for an encrypted key.',
          );
        },
        sent: { certificate: CERTIFICATE, privateKey: PRIVATE_KEY },
      },
    ])('on edit, $case', async ({ change, sent }) => {
      const { user, onSave } = setup({ integration: withCertificate() });
      await change(user);
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      const [request] = onSave.mock.calls[0] ?? [];
      expect(request).toHaveProperty('clientCertificate', sent);
    });

    it('tests with the stored key and passphrase masked, based on the edited integration', async () => {
      const { user, onTest } = setup({ integration: withCertificate() });
      await user.click(screen.getByRole('button', { name: 'Test' }));
      const [request, basedOn] = onTest.mock.calls[0] ?? [];
      expect(basedOn).toBe('int_1');
      expect(request?.clientCertificate).toEqual({
        certificate: CERTIFICATE,
        privateKey: MASKED_SECRET,
        passphrase: MASKED_SECRET,
      });
    });

    it('shows the API’s clientCertificate errors under their inputs', async () => {
      const onSave = jest.fn(async (): Promise<ActionResult<Integration>> => ({
        ok: false,
        message: 'The integration is not valid.',
        fieldErrors: [
          { field: 'clientCertificate.privateKey', message: 'does not belong to the certificate' },
          { field: 'clientCertificate.passphrase', message: 'does not open the private key' },
          {
            field: 'clientCertificate.certificate',
            message: 'is not an X.509 certificate that can be read (PEM)',
          },
        ],
      }));
      const { user } = setup({ integration: withCertificate(), onSave });
      await user.click(screen.getByRole('button', { name: 'Save changes' }));

      const cases = [
        ['Certificate (PEM)', 'is not an X.509 certificate that can be read (PEM)'],
        ['Private key (PEM)', 'does not belong to the certificate'],
        ['Key passphrase', 'does not open the private key'],
      ];
      for (const [label, message] of cases) {
        const input = screen.getByLabelText(label ?? '');
        expect(input).toHaveAttribute('aria-invalid', 'true');
        expect(input).toHaveAccessibleDescription(expect.stringContaining(message ?? ''));
      }
      expect(screen.getByRole('alert')).toHaveTextContent('3 fields below are marked.');

      await user.type(screen.getByLabelText('Key passphrase'), 'x');
      expect(screen.getByLabelText('Key passphrase')).not.toHaveAttribute('aria-invalid');
      expect(screen.getByLabelText('Private key (PEM)')).toHaveAttribute('aria-invalid', 'true');
    });
  });
});
