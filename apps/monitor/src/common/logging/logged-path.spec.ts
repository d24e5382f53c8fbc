import { loggedPath } from './logged-path';

describe(loggedPath.name, () => {
  it('drops the query string', () => {
    expect(loggedPath('/api/integrations/1?apiKey=secret&x=1')).toBe('/api/integrations/1');
  });

  it("hides a path segment shaped like one of the monitor's tokens", () => {
    expect(loggedPath('/api/invites/ihmi_abc123?x')).toBe('/api/invites/[REDACTED]');
    expect(loggedPath('/api/x/ihm_abc/ihms_def')).toBe('/api/x/[REDACTED]/[REDACTED]');
  });

  it('keeps any other path as it is', () => {
    expect(loggedPath('/health')).toBe('/health');
    expect(loggedPath('/api/integrations/7c9e6679-7425-40de-944b-e07fc1f90ae7/results')).toBe(
      '/api/integrations/7c9e6679-7425-40de-944b-e07fc1f90ae7/results',
    );
  });
});
