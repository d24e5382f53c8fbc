import { render, screen } from '@testing-library/react';
import { MonitorUnavailableError, monitorApi } from '../../lib/monitor-api';
import { AlertsSection } from './alerts-section';
import { FiringAlertsLink } from './firing-alerts-link';
import { IntegrationAlerts } from './integration-alerts';
import { alertFixture } from './fixtures';

jest.mock('../../lib/monitor-api', () => {
  const actual = jest.requireActual('../../lib/monitor-api');
  return {
    ...actual,
    monitorApi: { alerts: jest.fn(), whoAmI: jest.fn(async () => ({ kind: 'apiToken', role: 'editor' })) },
  };
});
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }) }));

const acknowledgeAction = jest.fn();
const alertsAre = (items: ReturnType<typeof alertFixture>[]) =>
  jest.mocked(monitorApi.alerts).mockResolvedValue({
    items,
    counts: {
      pending: items.filter((a) => a.state === 'pending').length,
      firing: items.filter((a) => a.state === 'firing').length,
      resolved: items.filter((a) => a.state === 'resolved').length,
    },
  });

describe(AlertsSection.name, () => {
  it('asks the API for the filtered alerts and lists them', async () => {
    alertsAre([alertFixture()]);
    render(await AlertsSection({ params: { state: 'firing' }, acknowledgeAction }));
    expect(monitorApi.alerts).toHaveBeenCalledWith({ state: 'firing', limit: 200 });
    expect(screen.getByRole('region', { name: 'Firing 1' })).toBeInTheDocument();
  });

  it('offers Acknowledge to editors only: a viewer reads the same list without it', async () => {
    alertsAre([alertFixture({ state: 'firing', acknowledgedAt: null })]);
    const { unmount } = render(await AlertsSection({ params: {}, acknowledgeAction }));
    expect(screen.getByRole('button', { name: /^Acknowledge/ })).toBeInTheDocument();
    unmount();
    jest.mocked(monitorApi.whoAmI).mockResolvedValueOnce({ kind: 'apiToken', role: 'viewer' });
    render(await AlertsSection({ params: {}, acknowledgeAction }));
    expect(screen.getByRole('region', { name: 'Firing 1' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Acknowledge/ })).toBeNull();
  });

  it('says what to do when nothing has fired, and offers to clear filters that match nothing', async () => {
    alertsAre([]);
    render(await AlertsSection({ params: {}, acknowledgeAction }));
    expect(screen.getByRole('heading', { name: 'No alerts' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Set up a channel' })).toHaveAttribute(
      'href',
      '/alerts/channels',
    );

    render(await AlertsSection({ params: { category: 'not_found' }, acknowledgeAction }));
    expect(screen.getByRole('link', { name: 'Clear filters' })).toHaveAttribute('href', '/alerts');
  });

  it('says the monitor is not reachable in the list’s place', async () => {
    jest
      .mocked(monitorApi.alerts)
      .mockRejectedValue(new MonitorUnavailableError('The monitor does not answer.'));
    render(await AlertsSection({ params: {}, acknowledgeAction }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The monitor is not reachable. The monitor does not answer.',
    );
  });
});

describe(IntegrationAlerts.name, () => {
  it('reads the integration’s alerts only', async () => {
    alertsAre([]);
    render(await IntegrationAlerts({ id: 'int-1', acknowledgeAction }));
    expect(monitorApi.alerts).toHaveBeenCalledWith({ integrationId: 'int-1', limit: 10 });
    expect(screen.getByText('No alerts: no rule has fired for this integration yet.')).toBeInTheDocument();
  });
});

describe(FiringAlertsLink.name, () => {
  it('counts the firing alerts and links to them', async () => {
    alertsAre([alertFixture({ id: 'a' }), alertFixture({ id: 'b' })]);
    render(await FiringAlertsLink());
    expect(monitorApi.alerts).toHaveBeenCalledWith({ state: 'firing', limit: 1 });
    expect(screen.getByRole('link', { name: '2 alerts firing' })).toHaveAttribute(
      'href',
      '/alerts?state=firing',
    );
  });

  it('says the count the API makes, however many there are, and "unknown" when the monitor does not answer', async () => {
    jest.mocked(monitorApi.alerts).mockResolvedValue({
      items: [alertFixture()],
      counts: { pending: 3, firing: 12_345, resolved: 9 },
    });
    render(await FiringAlertsLink());
    expect(screen.getByRole('link', { name: '12,345 alerts firing' })).toHaveClass('firing');

    jest.mocked(monitorApi.alerts).mockRejectedValue(new MonitorUnavailableError('down'));
    render(await FiringAlertsLink());
    expect(screen.getByText('alerts unknown')).toBeInTheDocument();
  });
});
