import type { AlertDetail } from '@ihm/contracts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActionResult } from '../../lib/action-result';
import { AlertList } from './alert-list';
import { alertDetailFixture, alertFixture } from './fixtures';

const mockRouter = { refresh: jest.fn() };
jest.mock('next/navigation', () => ({ useRouter: () => mockRouter }));

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

function setup() {
  const acknowledgeAction = jest.fn(async (): Promise<ActionResult<AlertDetail>> => ({
    ok: true,
    value: alertDetailFixture(),
  }));
  render(
    <AlertList
      alerts={[
        alertFixture({
          id: 'resolved',
          integrationName: 'Search API',
          state: 'resolved',
          category: 'rate_limiting',
          resolvedAt: '2026-11-25T11:30:00.000Z',
        }),
        alertFixture({ id: 'pending', integrationName: 'Orders API', state: 'pending', firedAt: null }),
        alertFixture({ flapping: true }),
        alertFixture({
          id: 'acked',
          integrationName: 'Billing API',
          acknowledgedBy: 'admin',
          acknowledgedAt: '2026-11-25T11:56:00.000Z',
        }),
      ]}
      now={NOW}
      acknowledgeAction={acknowledgeAction}
      level={2}
    />,
  );
  return { user: userEvent.setup(), acknowledgeAction };
}

beforeEach(() => jest.clearAllMocks());

describe(AlertList.name, () => {
  it('shows firing, then pending, then recently resolved, with their counts', () => {
    setup();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Firing 2',
      'Pending 1',
      'Recently resolved 1',
    ]);
  });

  it('gives each row its integration, category, severity, flags and since when, with the instant on hover', () => {
    setup();
    const row = within(screen.getByRole('region', { name: /^Firing/ }))
      .getAllByRole('listitem')
      .find((item) => item.textContent?.includes('Payments API')) as HTMLElement;
    expect(within(row).getByRole('link', { name: 'Payments API' })).toHaveAttribute(
      'href',
      '/integrations/int-1',
    );
    expect(within(row).getByRole('link', { name: 'Bearer token expired 2 h ago (JWT exp)' })).toHaveAttribute(
      'href',
      '/alerts/alert-1',
    );
    expect(within(row).getByText('Authentication')).toHaveClass('chip');
    expect(within(row).getByText('down')).toHaveClass('status', 'down');
    expect(within(row).getByText('flapping')).toBeInTheDocument();
    const since = within(row).getByText('8 min ago');
    expect(since).toHaveAttribute('title', '25 Nov 2026, 11:52:00 UTC');
    expect(row).toHaveTextContent('fired 8 min ago');

    const resolved = within(screen.getByRole('region', { name: /^Recently resolved/ })).getByRole('listitem');
    expect(resolved).toHaveTextContent('Rate limiting');
    expect(resolved).toHaveTextContent('resolved 30 min ago');
  });

  it('offers Acknowledge only on firing alerts nobody acknowledged, and refreshes once it is done', async () => {
    const { user, acknowledgeAction } = setup();
    expect(screen.getAllByRole('button', { name: /^Acknowledge/ })).toHaveLength(1);
    expect(screen.getByText('acknowledged')).toHaveAttribute('title', 'Acknowledged by admin');
    await user.click(screen.getByRole('button', { name: 'Acknowledge Payments API' }));
    expect(acknowledgeAction).toHaveBeenCalledWith('alert-1');
    expect(mockRouter.refresh).toHaveBeenCalled();
  });

  it('says why an acknowledgement was refused', async () => {
    const { user, acknowledgeAction } = setup();
    acknowledgeAction.mockResolvedValueOnce({
      ok: false,
      message: 'The alert is resolved: only a firing alert is acknowledged',
      fieldErrors: [],
    });
    await user.click(screen.getByRole('button', { name: 'Acknowledge Payments API' }));
    expect(
      screen.getByText('The alert is resolved: only a firing alert is acknowledged'),
    ).toBeInTheDocument();
    expect(mockRouter.refresh).not.toHaveBeenCalled();
  });
});
