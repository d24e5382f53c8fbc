import type { ChannelDelivery } from '@ihm/contracts';
import { render, screen, within } from '@testing-library/react';
import { readChannelDeliveries } from '../../lib/alerting-reads';
import { channelHref } from '../../lib/channel-href';
import { MonitorUnavailableError } from '../../lib/monitor-api';
import { channelDeliveryFixture } from '../alerts/fixtures';
import { DeliveryLog } from './delivery-log';

jest.mock('../../lib/alerting-reads', () => ({ readChannelDeliveries: jest.fn() }));

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

const pageIs = (items: ChannelDelivery[], nextBefore: string | null = null) =>
  jest.mocked(readChannelDeliveries).mockResolvedValue({ items, nextBefore });

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe(channelHref.name, () => {
  it('is the channel’s page, with the page a nextBefore names', () => {
    expect(channelHref('chan 1')).toBe('/alerts/channels/chan%201');
    expect(channelHref('chan-1', '41')).toBe('/alerts/channels/chan-1?before=41');
  });
});

describe(DeliveryLog.name, () => {
  it('lists each attempt: when (relative and exact), its alert, kind, outcome, HTTP, duration, error, message id', async () => {
    pageIs([
      channelDeliveryFixture({ id: '42', at: '2026-11-25T11:59:00.000Z', kind: 'resolved' }),
      channelDeliveryFixture({
        outcome: 'failed',
        status: 503,
        error: 'The receiver answered 503',
        durationMs: 1_250,
      }),
    ]);
    render(await DeliveryLog({ id: 'chan-1', before: undefined }));
    expect(readChannelDeliveries).toHaveBeenCalledWith('chan-1', undefined);
    const [, resolved, failed] = screen.getAllByRole('row');
    expect(within(resolved as HTMLElement).getByText('1 min ago')).toHaveAttribute(
      'dateTime',
      '2026-11-25T11:59:00.000Z',
    );
    expect(resolved).toHaveTextContent('25 Nov 2026, 11:59:00 UTC');
    expect(resolved).toHaveTextContent('Resolved notification');
    expect(within(resolved as HTMLElement).getByText('delivered')).toHaveClass('outcome', 'delivered');
    expect(resolved).toHaveTextContent('200');
    expect(resolved).toHaveTextContent('42 ms');
    expect(resolved).toHaveTextContent('msg_2f9c');
    expect(within(failed as HTMLElement).getByText('failed')).toHaveClass('outcome', 'failed');
    expect(failed).toHaveTextContent('Firing notification');
    expect(failed).toHaveTextContent('503');
    expect(failed).toHaveTextContent('1.3 s');
    expect(failed).toHaveTextContent('The receiver answered 503');
    for (const row of [resolved, failed])
      expect(within(row as HTMLElement).getByRole('link', { name: 'Payments API' })).toHaveAttribute(
        'href',
        '/alerts/alert-1',
      );
  });

  it('names the integration of an alert that is gone, without a link', async () => {
    pageIs([
      channelDeliveryFixture({ alertId: null, integrationId: null }),
      channelDeliveryFixture({ id: '40', alertId: null, integrationId: null, integrationName: '' }),
    ]);
    render(await DeliveryLog({ id: 'chan-1', before: undefined }));
    expect(screen.queryByRole('link', { name: /Payments API|deleted/ })).not.toBeInTheDocument();
    expect(screen.getByText(/^Payments API/)).toHaveTextContent('Payments API (alert deleted)');
    expect(screen.getByText(/^A deleted integration/)).toBeInTheDocument();
  });

  it('pages on with nextBefore in the URL, and back to the newest from an older page', async () => {
    pageIs([channelDeliveryFixture()], '41');
    render(await DeliveryLog({ id: 'chan-1', before: undefined }));
    const pages = screen.getByRole('navigation', { name: 'Delivery log pages' });
    expect(within(pages).getByRole('link', { name: 'Older →' })).toHaveAttribute(
      'href',
      '/alerts/channels/chan-1?before=41',
    );
    expect(within(pages).queryByRole('link', { name: '← Newest' })).not.toBeInTheDocument();

    pageIs([], null);
    const older = within(render(await DeliveryLog({ id: 'chan-1', before: '41' })).container);
    expect(readChannelDeliveries).toHaveBeenLastCalledWith('chan-1', '41');
    expect(older.getByText('No older deliveries.')).toBeInTheDocument();
    expect(older.getByRole('link', { name: '← Newest' })).toHaveAttribute('href', '/alerts/channels/chan-1');
    expect(older.queryByRole('link', { name: 'Older →' })).not.toBeInTheDocument();
  });

  it('says what fills the log when nothing was delivered yet', async () => {
    pageIs([]);
    render(await DeliveryLog({ id: 'chan-1', before: undefined }));
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText(/^Nothing delivered yet/)).toHaveTextContent('A test is not logged.');
  });

  it('says the monitor is not reachable in the log’s place', async () => {
    jest.mocked(readChannelDeliveries).mockRejectedValue(new MonitorUnavailableError('down'));
    render(await DeliveryLog({ id: 'chan-1', before: undefined }));
    expect(screen.getByRole('alert')).toHaveTextContent('The monitor is not reachable. down');
  });
});
