import { MASKED_SECRET, type Integration, type ProbeResult } from '@ihm/contracts';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActionResult } from '../../lib/action-result';
import { storedIntegration, storedWebhookIntegration } from './fixtures';
import { IntegrationForm, type IntegrationFormProps } from './integration-form';
import { STORED_RECEIVER_SECRET_NOTE } from './stored-secret-note';
import { schemaCompileProblem } from '../../lib/schema-compile-problem';

/** The compile check the pages run on the server, run here. */
const compile = async (schema: Record<string, unknown>) => schemaCompileProblem(schema);

function setup(props: Partial<IntegrationFormProps> = {}) {
  const onSave = jest.fn<Promise<ActionResult<Integration>>, Parameters<IntegrationFormProps['onSave']>>(
    async () => ({ ok: true, value: storedWebhookIntegration() }),
  );
  const onTest = jest.fn<Promise<ActionResult<ProbeResult>>, Parameters<IntegrationFormProps['onTest']>>();
  render(
    <IntegrationForm
      integration={null}
      onSave={onSave}
      onTest={onTest}
      onSaved={jest.fn()}
      onCheckSchema={compile}
      {...props}
    />,
  );
  return { user: userEvent.setup(), onSave };
}

describe('IntegrationForm for a webhook', () => {
  it('registers an inbound webhook: its own sections, no probe fields and no Test', async () => {
    const { user, onSave } = setup();
    expect(screen.getByRole('radio', { name: 'HTTP probe' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Inbound webhook' }));
    expect(screen.queryByLabelText('URL')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Test' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Scheme')).toHaveAccessibleDescription(/X-Hub-Signature-256/);

    await user.type(screen.getByLabelText('Name'), 'GitHub pushes');
    await user.type(screen.getByLabelText('Signing secret'), 's3cret');
    await user.clear(screen.getByLabelText('Silence alarm after (minutes)'));
    await user.type(screen.getByLabelText('Silence alarm after (minutes)'), '60');
    await user.click(screen.getByRole('button', { name: 'Register integration' }));

    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'webhook',
        name: 'GitHub pushes',
        webhook: expect.objectContaining({ scheme: 'github', secret: 's3cret', maxSilenceSeconds: 3600 }),
      }),
    );
  });

  it('shows the generic scheme’s header, encoding and prefix only for hmac', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('radio', { name: 'Inbound webhook' }));
    expect(screen.queryByLabelText('Signature header')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Scheme'), 'Generic HMAC-SHA256');
    for (const label of ['Signature header', 'Encoding', 'Signature prefix'])
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Scheme'), 'None (unsigned)');
    expect(screen.queryByLabelText('Signing secret')).not.toBeInTheDocument();
  });

  it('on edit, keeps the kind fixed and the stored secret behind its mask', async () => {
    const { user, onSave } = setup({ integration: storedWebhookIntegration() });
    expect(screen.getByRole('radio', { name: 'Inbound webhook' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Inbound webhook' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'HTTP probe' })).toBeDisabled();
    const secret = screen.getByLabelText('Signing secret');
    expect(secret).toHaveValue('');
    expect(secret).toHaveAccessibleDescription(STORED_RECEIVER_SECRET_NOTE);

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const [request] = onSave.mock.calls[0] ?? [];
    expect(request).not.toHaveProperty('kind');
    expect(request).toHaveProperty('webhook.secret', MASKED_SECRET);
  });

  it('shows the API’s field errors under the receiver’s inputs', async () => {
    const onSave = jest.fn(async (): Promise<ActionResult<Integration>> => ({
      ok: false,
      message: 'The integration is not valid.',
      fieldErrors: [{ field: 'webhook.secret', message: 'a Standard Webhooks secret is base64' }],
    }));
    const { user } = setup({ integration: storedWebhookIntegration({ scheme: 'standard' }), onSave });
    await user.type(screen.getByLabelText('Signing secret'), 'not base64!');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const secret = screen.getByLabelText('Signing secret');
    expect(secret).toHaveAttribute('aria-invalid', 'true');
    expect(secret).toHaveAccessibleDescription(/a Standard Webhooks secret is base64/);
  });

  it('signs an http probe as a provider when turned on', async () => {
    const { user, onSave } = setup({ integration: storedIntegration() });
    await user.click(screen.getByRole('checkbox', { name: 'Sign the request as a webhook provider' }));
    await user.selectOptions(screen.getByLabelText('Scheme'), 'Stripe');
    await user.type(screen.getByLabelText('Signing secret'), 'whsec_abc');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const [request] = onSave.mock.calls[0] ?? [];
    expect(request).toHaveProperty('signing', { scheme: 'stripe', secret: 'whsec_abc', hmac: null });
  });
});
