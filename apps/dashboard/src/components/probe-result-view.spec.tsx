import { render, screen, within } from '@testing-library/react';
import { probeResult } from './integration-form/fixtures';
import { ProbeResultView } from './probe-result-view';

function section(title: string): HTMLElement {
  return screen.getByRole('heading', { name: title }).parentElement as HTMLElement;
}

describe('ProbeResultView', () => {
  it('shows every part of a result', () => {
    render(<ProbeResultView result={probeResult()} heading="Latest probe" />);

    expect(screen.getByRole('heading', { name: 'Latest probe' })).toBeInTheDocument();
    expect(screen.getByText('down')).toHaveClass('status', 'down');
    expect(screen.getByText('Authentication')).toBeInTheDocument();
    expect(screen.getByText('HTTP 401')).toBeInTheDocument();
    expect(screen.getByText('Bearer token expired 2 h ago (JWT exp)')).toBeInTheDocument();

    const steps = within(section('What to check')).getAllByRole('listitem');
    expect(steps).toHaveLength(2);

    const schema = within(section('Schema errors'));
    expect(schema.getByText('/items/0/price')).toBeInTheDocument();
    expect(schema.getByText('must be number')).toBeInTheDocument();

    const timings = within(section('Timings'));
    expect(timings.getByRole('row', { name: 'DNS 1.2 ms' })).toBeInTheDocument();
    expect(timings.getByRole('row', { name: 'First byte 121 ms' })).toBeInTheDocument();
    expect(timings.getByRole('row', { name: 'Total 131 ms' })).toBeInTheDocument();

    const rateLimit = section('Rate limit');
    expect(rateLimit).toHaveTextContent('Limit5,000');
    expect(rateLimit).toHaveTextContent('Remaining12');
    expect(rateLimit).toHaveTextContent('Resets');
    expect(rateLimit).not.toHaveTextContent('Retry after');

    const credentials = section('Certificate and token');
    expect(credentials).toHaveTextContent('Certificate subjectapi.example.com');
    expect(credentials).toHaveTextContent('Certificate issuerExample CA');
    expect(
      within(credentials).getByText(
        (_, element) => element?.getAttribute('datetime') === '2027-01-01T00:00:00.000Z',
      ),
    ).toBeInTheDocument();
    expect(credentials).toHaveTextContent('Token expires');

    const evidence = within(section('Evidence'));
    expect(
      evidence.getByRole('row', { name: 'www-authenticate Bearer error="invalid_token"' }),
    ).toBeInTheDocument();
    expect(evidence.getByText('{"error":"invalid_token"}').tagName).toBe('PRE');
  });

  it('leaves out the sections with nothing to show', () => {
    render(
      <ProbeResultView
        result={probeResult({
          status: 'up',
          category: null,
          httpStatus: null,
          message: 'connect ECONNREFUSED',
          timings: { dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: null },
          rateLimit: { limit: null, remaining: null, resetAt: null, retryAfterSeconds: null },
          schemaErrors: [],
          tls: null,
          tokenExpiresAt: null,
          evidence: null,
          troubleshooting: [],
        })}
      />,
    );
    expect(screen.getByText('connect ECONNREFUSED')).toBeInTheDocument();
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    expect(screen.queryByText(/HTTP/)).not.toBeInTheDocument();
  });
});
