import type { ProbeResult, ProbeResultPage, Trend } from '@ihm/contracts';
import { render, screen, within } from '@testing-library/react';
import { readLatestResult, readResultsPage, readTrend } from '../../lib/integration-reads';
import { MonitorUnavailableError } from '../../lib/monitor-api';
import { probeResult } from '../integration-form/fixtures';
import { DiagnosisPanel } from './diagnosis-panel';
import { LatestStatus } from './latest-status';
import { RecentResults } from './recent-results';
import { TrendCharts } from './trend-charts';

jest.mock('../../lib/integration-reads', () => ({
  readLatestResult: jest.fn(),
  readResultsPage: jest.fn(),
  readTrend: jest.fn(),
}));

const ID = 'orders';
const DOWN = new MonitorUnavailableError('The monitor at http://127.0.0.1:4000 does not answer.');

const latestIs = (result: ProbeResult | null) => jest.mocked(readLatestResult).mockResolvedValue(result);
const pageIs = (items: ProbeResult[], nextCursor: string | null = null) =>
  jest.mocked(readResultsPage).mockResolvedValue({ items, nextCursor } satisfies ProbeResultPage);
const monitorDown = () => {
  jest.mocked(readLatestResult).mockRejectedValue(DOWN);
  jest.mocked(readResultsPage).mockRejectedValue(DOWN);
  jest.mocked(readTrend).mockRejectedValue(DOWN);
};

const older = (overrides: Partial<ProbeResult>) =>
  probeResult({ startedAt: '2026-11-25T11:00:00.000Z', schemaErrors: [], ...overrides });

describe(LatestStatus.name, () => {
  it('shows the newest result’s status, category and age', async () => {
    latestIs(probeResult());
    render(await LatestStatus({ id: ID, before: undefined }));
    expect(screen.getByText('down')).toHaveClass('status', 'down');
    expect(screen.getByText('Authentication')).toHaveClass('chip');
    expect(screen.getByText(/^checked/)).toBeInTheDocument();
  });

  it('is pending before the first probe', async () => {
    latestIs(null);
    render(await LatestStatus({ id: ID, before: undefined }));
    expect(screen.getByText('pending')).toHaveClass('status', 'pending');
    expect(screen.queryByText(/checked/)).not.toBeInTheDocument();
  });

  it('says the status is unknown when the monitor stopped answering', async () => {
    monitorDown();
    render(await LatestStatus({ id: ID, before: undefined }));
    expect(screen.getByText('Status unknown: the monitor is not reachable.')).toBeInTheDocument();
  });
});

describe(DiagnosisPanel.name, () => {
  it('shows the newest result, and an older result’s schema errors when the newest has none', async () => {
    const latest = probeResult({ schemaErrors: [] });
    latestIs(latest);
    pageIs([latest, older({ schemaErrors: [{ path: '/id', message: 'must be string' }] })]);
    render(await DiagnosisPanel({ id: ID, before: undefined }));
    const panel = screen.getByRole('region', { name: 'Diagnosis' });
    expect(within(panel).getByText('Bearer token expired 2 h ago (JWT exp)')).toBeInTheDocument();
    const heading = within(panel).getByRole('heading', {
      name: 'Last schema errors (25 Nov 2026, 11:00:00 UTC)',
    });
    expect(heading.nextElementSibling).toHaveTextContent('/id must be string');
  });

  it('does not repeat the schema errors of the newest result', async () => {
    const latest = probeResult();
    latestIs(latest);
    pageIs([latest, older({ schemaErrors: [{ path: '/id', message: 'must be string' }] })]);
    render(await DiagnosisPanel({ id: ID, before: undefined }));
    expect(screen.queryByRole('heading', { name: /^Last schema errors/ })).not.toBeInTheDocument();
  });

  it('says when nothing was probed yet', async () => {
    latestIs(null);
    pageIs([]);
    render(await DiagnosisPanel({ id: ID, before: undefined }));
    expect(screen.getByText('Not probed yet: the first probe runs within one interval.')).toBeInTheDocument();
  });

  it('keeps its panel and says why when the monitor stopped answering', async () => {
    monitorDown();
    render(await DiagnosisPanel({ id: ID, before: undefined }));
    const panel = screen.getByRole('region', { name: 'Diagnosis' });
    expect(within(panel).getByRole('alert')).toHaveTextContent(
      'The monitor is not reachable. The monitor at http://127.0.0.1:4000 does not answer.',
    );
  });
});

describe(RecentResults.name, () => {
  it('lists the page and links to older results, keeping the window', async () => {
    pageIs([probeResult(), older({})], '1764072000000_42');
    render(await RecentResults({ id: ID, window: '7d', before: undefined }));
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByRole('link', { name: '← Newest' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Older →' })).toHaveAttribute(
      'href',
      '/integrations/orders?window=7d&before=1764072000000_42',
    );
  });

  it('on the last older page links back to the newest and no further', async () => {
    pageIs([older({})]);
    render(await RecentResults({ id: ID, window: '1h', before: '1764072000000_42' }));
    expect(screen.getByRole('link', { name: '← Newest' })).toHaveAttribute(
      'href',
      '/integrations/orders?window=1h',
    );
    expect(screen.queryByRole('link', { name: 'Older →' })).not.toBeInTheDocument();
  });

  it('says why when the monitor stopped answering', async () => {
    monitorDown();
    render(await RecentResults({ id: ID, window: '24h', before: undefined }));
    expect(screen.getByRole('alert')).toHaveTextContent('does not answer.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe(TrendCharts.name, () => {
  it('shapes a window without probes into three charts that say so', async () => {
    latestIs(null);
    jest.mocked(readTrend).mockResolvedValue({
      integrationId: ID,
      window: '1h',
      bucketSeconds: 60,
      points: [],
    } satisfies Trend);
    render(await TrendCharts({ id: ID, window: '1h', before: undefined }));
    expect(screen.getAllByRole('region').map((region) => region.getAttribute('aria-label'))).toEqual([
      'Latency by phase',
      'Success rate',
      'Rate-limit budget',
    ]);
    expect(screen.getByText('No latency measured in this window.')).toBeInTheDocument();
    expect(screen.getByText('No probes in this window.')).toBeInTheDocument();
    expect(screen.getByText('The API sent no rate-limit headers in this window.')).toBeInTheDocument();
  });

  it('says why when the monitor stopped answering', async () => {
    monitorDown();
    render(await TrendCharts({ id: ID, window: '1h', before: undefined }));
    expect(screen.getByRole('alert')).toHaveTextContent('does not answer.');
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
