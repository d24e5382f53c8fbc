import type { Channel } from '@ihm/contracts';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActionResult } from '../../lib/action-result';
import { channelFixture } from '../alerts/fixtures';
import { ChannelForm, STORED_CHANNEL_SECRET_NOTE, type ChannelFormProps } from './channel-form';
import { generatedSecret } from './generated-secret';

function setup(props: Partial<ChannelFormProps> = {}) {
  const onSave = jest.fn<Promise<ActionResult<Channel>>, Parameters<ChannelFormProps['onSave']>>(
    async () => ({
      ok: true,
      value: channelFixture(),
    }),
  );
  const onSaved = jest.fn();
  render(<ChannelForm channel={null} onSave={onSave} onSaved={onSaved} {...props} />);
  return { user: userEvent.setup(), onSave, onSaved };
}

describe(ChannelForm.name, () => {
  it('shows the inputs of the selected type, secrets as password inputs', async () => {
    const { user } = setup();
    expect(screen.getByLabelText('URL')).toHaveAttribute('type', 'url');
    expect(screen.getByLabelText('Signing secret')).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('Signing secret')).toHaveAccessibleDescription(
      /Leave empty to have one generated/,
    );

    await user.selectOptions(screen.getByLabelText('Type'), 'Email (SMTP)');
    expect(screen.queryByLabelText('URL')).not.toBeInTheDocument();
    for (const label of ['SMTP host', 'Port', 'TLS from the start', 'Username', 'From', 'To']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');

    await user.selectOptions(screen.getByLabelText('Type'), 'PagerDuty');
    expect(screen.getByLabelText('Integration key')).toHaveAttribute('type', 'password');
  });

  it('puts the API’s field errors beside their inputs and the rest in the summary', async () => {
    const { user, onSave, onSaved } = setup();
    onSave.mockResolvedValueOnce({
      ok: false,
      message: 'The request body is invalid',
      fieldErrors: [
        { field: 'config.url', message: 'must be an absolute http:// or https:// URL' },
        { field: 'config', message: 'a new channel cannot refer to a stored secret' },
      ],
    });
    await user.type(screen.getByLabelText('Name'), 'Ops');
    await user.type(screen.getByLabelText('URL'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Add channel' }));

    expect(onSave).toHaveBeenCalledWith({ name: 'Ops', type: 'webhook', config: { url: 'nope' } });
    expect(screen.getByLabelText('URL')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('URL')).toHaveAccessibleDescription(
      /must be an absolute http:\/\/ or https:\/\/ URL/,
    );
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('The request body is invalid');
    expect(summary).toHaveTextContent('config: a new channel cannot refer to a stored secret');
    expect(summary).toHaveTextContent('One field below is marked.');
    expect(onSaved).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('URL'), 'x');
    expect(screen.getByLabelText('URL')).not.toHaveAttribute('aria-invalid');
  });

  it('edits a channel with its secret stored: the input starts empty and says it is kept', async () => {
    const { user, onSave } = setup({ channel: channelFixture() });
    expect(screen.getByLabelText('URL')).toHaveValue('https://hooks.example.com/ihm');
    expect(screen.getByLabelText('Signing secret')).toHaveValue('');
    expect(screen.getByLabelText('Signing secret')).toHaveAccessibleDescription(STORED_CHANNEL_SECRET_NOTE);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSave).toHaveBeenCalledWith({
      name: 'Ops webhook',
      type: 'webhook',
      config: { url: 'https://hooks.example.com/ihm' },
    });
  });
});

describe(generatedSecret.name, () => {
  it('is the webhook secret in clear in the create’s answer, and nothing once masked', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    expect(generatedSecret(channelFixture({ config: { url: 'https://x.example', secret } }))).toBe(secret);
    expect(generatedSecret(channelFixture())).toBeNull();
    expect(generatedSecret(channelFixture({ type: 'slack', config: { webhookUrl: '********' } }))).toBeNull();
  });
});
