import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import {
  DiagnosisPanelSkeleton,
  IntegrationPageSkeleton,
  LatestStatusSkeleton,
  RecentResultsSkeleton,
  TrendChartsSkeleton,
} from './detail/detail-skeletons';
import { AlertPageSkeleton } from './alerts/alert-page-skeleton';
import { AlertListSkeleton, IntegrationAlertsSkeleton } from './alerts/alert-skeletons';
import { CardListSkeleton } from './alerts/card-list-skeleton';
import { TimelineSkeleton } from './alerts/timeline-skeleton';
import { ChannelPageSkeleton } from './channels/channel-page-skeleton';
import { DeliveryLogSkeleton } from './channels/delivery-log-skeleton';
import { FormPageSkeleton } from './form/form-page-skeleton';
import { EditIntegrationSkeleton } from './integration-form/edit-integration-skeleton';
import { OverviewSkeleton } from './overview/overview-skeleton';

describe('skeletons', () => {
  it.each<[string, ReactElement, string]>([
    ['the status line', <LatestStatusSkeleton key="" />, 'Loading the latest status…'],
    ['the diagnosis', <DiagnosisPanelSkeleton key="" />, 'Loading the latest probe…'],
    ['the trend charts', <TrendChartsSkeleton key="" />, 'Loading the trend charts…'],
    ['the results', <RecentResultsSkeleton key="" />, 'Loading the recent results…'],
    ['the detail page', <IntegrationPageSkeleton key="" />, 'Loading the integration…'],
    ['the overview', <OverviewSkeleton key="" />, 'Loading the integrations…'],
    ['the edit page', <EditIntegrationSkeleton key="" />, 'Loading the integration to edit…'],
    ['the alerts', <AlertListSkeleton key="" />, 'Loading the alerts…'],
    ['an integration’s alerts', <IntegrationAlertsSkeleton key="" />, 'Loading the integration’s alerts…'],
    ['the alert page', <AlertPageSkeleton key="" />, 'Loading the alert…'],
    ['an alert’s timeline', <TimelineSkeleton key="" />, 'Loading the notifications…'],
    ['the channels', <CardListSkeleton key="" what="Loading the channels…" />, 'Loading the channels…'],
    [
      'a channel’s edit page',
      <FormPageSkeleton key="" back="Channels" what="Loading the channel to edit…" sections={[2, 2]} />,
      'Loading the channel to edit…',
    ],
    ['a channel’s page', <ChannelPageSkeleton key="" />, 'Loading the channel…'],
    ['a channel’s delivery log', <DeliveryLogSkeleton key="" />, 'Loading the delivery log…'],
    [
      'a silence’s edit page',
      <FormPageSkeleton key="" back="Silences" what="Loading the silence to edit…" sections={[4, 3]} />,
      'Loading the silence to edit…',
    ],
  ])('%s: busy, says what loads, hides its placeholders', (_, skeleton, loading) => {
    const { container } = render(skeleton);
    const text = screen.getByText(loading);
    expect(text).toHaveClass('visually-hidden');
    expect(text.closest('[aria-busy="true"]')).not.toBeNull();
    const placeholders = [...container.querySelectorAll('.skeleton')];
    expect(placeholders.length).toBeGreaterThan(0);
    for (const placeholder of placeholders)
      expect(placeholder.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('names the detail page’s heading for what is loading', () => {
    render(<IntegrationPageSkeleton />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveAccessibleName('Loading the integration…');
  });

  it('draws no chart region before the charts, so their names belong to the drawn charts only', () => {
    render(<TrendChartsSkeleton />);
    expect(screen.queryAllByRole('region')).toEqual([]);
    expect(screen.getByText('Latency by phase')).toBeInTheDocument();
  });

  it('draws the tables it stands for with their headers, stacked on a phone as they will be', () => {
    const { container } = render(<ChannelPageSkeleton />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveAccessibleName('Loading the channel…');
    expect(container.querySelector('table.delivery-log.stacked')).not.toBeNull();
    expect([...container.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'Time',
      'Notification',
      'Outcome',
      'HTTP',
      'Duration',
      'Error',
      'Message ID',
    ]);
    expect(render(<TimelineSkeleton />).container.querySelector('table.timeline.stacked')).not.toBeNull();
  });

  it('holds a full page of result rows', () => {
    const { container } = render(<RecentResultsSkeleton />);
    expect(container.querySelectorAll('tbody tr')).toHaveLength(20);
  });
});
