import { OVERVIEW_GROUPS, type OverviewGroup, type OverviewItem } from '@ihm/contracts';
import { render, screen, within } from '@testing-library/react';
import { IntegrationGroups } from './integration-groups';

const NOW = Date.parse('2026-11-25T12:00:00Z');

const item = (name: string, group: OverviewItem['group'], message: string | null = null): OverviewItem => ({
  id: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  paused: false,
  tags: ['payments'],
  kind: 'http',
  webhookScheme: null,
  status: group === 'healthy' ? 'up' : group === 'pending' ? 'pending' : 'down',
  category: group === 'healthy' || group === 'pending' ? null : group,
  group,
  message,
  httpStatus: null,
  lastCheckedAt: group === 'pending' ? null : '2026-11-25T11:59:30Z',
  latencySparklineMs: new Array(60).fill(null),
});

const byGroup = Object.fromEntries(OVERVIEW_GROUPS.map((group) => [group, 0])) as Record<
  OverviewGroup,
  number
>;

describe('IntegrationGroups', () => {
  it('lists integrations under their guide category, in the order the API sent, healthy last', () => {
    render(
      <IntegrationGroups
        items={[
          item('Orders API', 'authentication', 'Bearer token expired 2 h ago (JWT exp)'),
          item('Billing API', 'authentication', 'The token lacks scope orders:read'),
          item('Search API', 'rate_limiting', '0 of 5000 requests left'),
          item('Status page', 'healthy'),
        ]}
        byGroup={{ ...byGroup, authentication: 7, rate_limiting: 1, healthy: 40 }}
        now={NOW}
      />,
    );
    const sections = screen.getAllByRole('region');
    expect(sections.map((section) => within(section).getByRole('heading').textContent)).toEqual([
      'Authentication 7',
      'Rate limiting 1',
      'Healthy 40',
    ]);
    const auth = within(sections[0]!);
    expect(auth.getAllByRole('link').map((link) => link.textContent)).toEqual(['Orders API', 'Billing API']);
    expect(auth.getByText('Bearer token expired 2 h ago (JWT exp)')).toBeInTheDocument();
    expect(auth.getByRole('link', { name: 'Orders API' })).toHaveAttribute(
      'href',
      '/integrations/orders-api',
    );
    expect(auth.getAllByText('30 s ago')).toHaveLength(2);
  });

  it("shows the guide's troubleshooting steps beside each failing category, not beside healthy ones", () => {
    render(
      <IntegrationGroups
        items={[item('Orders API', 'authentication'), item('Status page', 'healthy')]}
        byGroup={byGroup}
        now={NOW}
      />,
    );
    const [auth, healthy] = screen.getAllByRole('region');
    const steps = within(auth!)
      .getAllByRole('listitem')
      .filter((li) => li.closest('details'));
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps.some((step) => /credential|key|token/i.test(step.textContent ?? ''))).toBe(true);
    expect(within(healthy!).queryByText('Troubleshooting steps')).toBeNull();
  });

  it('marks a webhook integration with its scheme under Misconfigured webhook', () => {
    const hook = {
      ...item('Stripe events', 'misconfigured_webhook', 'signature does not match'),
      kind: 'webhook' as const,
      webhookScheme: 'stripe' as const,
    };
    render(<IntegrationGroups items={[hook]} byGroup={{ ...byGroup, misconfigured_webhook: 1 }} now={NOW} />);
    const [section] = screen.getAllByRole('region');
    expect(within(section!).getByRole('heading').textContent).toBe('Misconfigured webhook 1');
    expect(within(section!).getByText('webhook · stripe')).toBeTruthy();
  });

  it('renders nothing for an empty page', () => {
    const { container } = render(<IntegrationGroups items={[]} byGroup={byGroup} now={NOW} />);
    expect(container).toBeEmptyDOMElement();
  });
});
