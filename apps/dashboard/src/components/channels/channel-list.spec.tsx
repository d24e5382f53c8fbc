import type { ChannelTestResult } from '@ihm/contracts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActionResult } from '../../lib/action-result';
import { channelFixture } from '../alerts/fixtures';
import { ChannelList } from './channel-list';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }) }));

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

function setup() {
  const testAction = jest.fn(async (): Promise<ActionResult<ChannelTestResult>> => ({
    ok: true,
    value: {
      ok: false,
      status: 401,
      error: 'The receiver answered 401',
      response: 'bad signature',
      durationMs: 42,
    },
  }));
  const deleteAction = jest.fn(async (): Promise<ActionResult<null>> => ({ ok: true, value: null }));
  render(
    <ChannelList
      channels={[
        channelFixture(),
        channelFixture({
          id: 'chan-2',
          name: 'Old Slack',
          type: 'slack',
          config: { webhookUrl: '********' },
          health: {
            state: 'disabled',
            lastAttemptAt: '2026-11-25T11:00:00.000Z',
            lastError: 'The receiver answered 410 Gone',
            pending: 2,
            disabledReason: 'the receiver answered 410 Gone',
          },
        }),
      ]}
      now={NOW}
      testAction={testAction}
      deleteAction={deleteAction}
    />,
  );
  return { user: userEvent.setup(), testAction };
}

describe(ChannelList.name, () => {
  it('shows each channel’s type, target and health, a disabled one with why, never a secret', () => {
    setup();
    const [webhook, slack] = screen.getAllByRole('listitem');
    expect(webhook).toHaveTextContent('Webhook (Standard Webhooks)');
    expect(webhook).toHaveTextContent('https://hooks.example.com/ihm');
    expect(within(webhook as HTMLElement).getByText('healthy')).toHaveClass('health', 'healthy');
    expect(slack).toHaveClass('disabled');
    expect(slack).toHaveTextContent('Slack incoming webhook');
    expect(slack).toHaveTextContent('Disabled: the receiver answered 410 Gone.');
    expect(slack).toHaveTextContent('2 notifications waiting');
    expect(slack).toHaveTextContent('last attempt 1 h ago');
    expect(slack).not.toHaveTextContent('********');
  });

  it('leads from each card’s name to the channel’s page with its delivery log', () => {
    setup();
    expect(screen.getByRole('heading', { name: 'Old Slack' })).toContainElement(
      screen.getByRole('link', { name: 'Old Slack' }),
    );
    expect(screen.getByRole('link', { name: 'Old Slack' })).toHaveAttribute(
      'href',
      '/alerts/channels/chan-2',
    );
  });

  it('sends a test and shows the receiver’s answer beside the channel', async () => {
    const { user, testAction } = setup();
    await user.click(screen.getByRole('button', { name: 'Send a test notification to Ops webhook' }));
    expect(testAction).toHaveBeenCalledWith('chan-1');
    const answer = screen.getByRole('status', { name: 'Test of Ops webhook' });
    expect(answer).toHaveTextContent('✗ Not delivered · HTTP 401 · 42 ms');
    expect(answer).toHaveTextContent('The receiver answered 401');
    expect(within(answer).getByLabelText('The receiver’s answer')).toHaveTextContent('bad signature');
    expect(screen.getByRole('status', { name: 'Test of Old Slack' })).toBeEmptyDOMElement();
  });
});
