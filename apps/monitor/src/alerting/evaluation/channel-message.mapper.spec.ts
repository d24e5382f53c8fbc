import { dashboardPage, integrationPage } from './channel-message.mapper';

describe(dashboardPage.name, () => {
  it.each([
    ['http://127.0.0.1:3000', 'alerts', 'http://127.0.0.1:3000/alerts'],
    ['https://ops.example.com/monitor', 'alerts', 'https://ops.example.com/monitor/alerts'],
    ['https://ops.example.com/monitor/', 'alerts', 'https://ops.example.com/monitor/alerts'],
  ])('puts a page of %s at its place', (base, page, url) => {
    expect(dashboardPage(base, page)).toBe(url);
  });

  it('links an integration by its id', () => {
    expect(integrationPage('https://ops.example.com/ihm', 'a/b')).toBe(
      'https://ops.example.com/ihm/integrations/a%2Fb',
    );
  });
});
