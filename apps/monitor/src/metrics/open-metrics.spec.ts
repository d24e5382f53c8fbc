import { toOpenMetrics, wantsOpenMetrics } from './open-metrics';

const TEXT = `# HELP integration_probes_total Results stored.
# TYPE integration_probes_total counter
integration_probes_total{integration="Orders API"} 2

# HELP integration_up 1 when up.
# TYPE integration_up gauge
integration_up{integration="Orders API"} 1

# HELP requests Requests, named without _total.
# TYPE requests counter
requests 3

# HELP monitor_scheduler_lag_seconds Lag.
# TYPE monitor_scheduler_lag_seconds histogram
monitor_scheduler_lag_seconds_bucket{le="0.1"} 4
monitor_scheduler_lag_seconds_bucket{le="+Inf"} 5
monitor_scheduler_lag_seconds_sum 0.7
monitor_scheduler_lag_seconds_count 5
`;

describe(toOpenMetrics.name, () => {
  it('names counter families without _total, keeps the samples and drops blank lines', () => {
    expect(toOpenMetrics(TEXT)).toBe(`# HELP integration_probes Results stored.
# TYPE integration_probes counter
integration_probes_total{integration="Orders API"} 2
# HELP integration_up 1 when up.
# TYPE integration_up gauge
integration_up{integration="Orders API"} 1
# HELP requests Requests, named without _total.
# TYPE requests counter
requests_total 3
# HELP monitor_scheduler_lag_seconds Lag.
# TYPE monitor_scheduler_lag_seconds histogram
monitor_scheduler_lag_seconds_bucket{le="0.1"} 4
monitor_scheduler_lag_seconds_bucket{le="+Inf"} 5
monitor_scheduler_lag_seconds_sum 0.7
monitor_scheduler_lag_seconds_count 5
`);
  });

  it('leaves a label value that looks like a comment or a metric alone', () => {
    const text = '# TYPE x gauge\nx{note="# TYPE y counter"} 1\n';
    expect(toOpenMetrics(text)).toBe('# TYPE x gauge\nx{note="# TYPE y counter"} 1\n');
  });
});

describe(wantsOpenMetrics.name, () => {
  it.each([
    ['application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5', true],
    ['text/plain', false],
    [undefined, false],
  ])('%s → %s', (accept, expected) => {
    expect(wantsOpenMetrics(accept)).toBe(expected);
  });
});
