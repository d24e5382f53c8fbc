import { channelMessage, groupedIntegrations } from '../../../../test/receivers/channel-message.fixture';
import type { ChannelMessage } from '../channel-message';
import { escapeHtml } from './html';
import { emailPayload } from './payload';

const firing = channelMessage();
const resolvedAt = new Date('2026-11-27T15:02:00.000Z');
const DIAGNOSIS = 'Bearer token expired 2 h ago (JWT exp)';

describe(emailPayload.name, () => {
  it('says the status and who, the diagnosis, rule and time, the steps and a link, as text', () => {
    const { subject, text } = emailPayload(firing);
    expect(subject).toBe(`[FIRING] Payments API: Authentication — ${DIAGNOSIS}`);
    expect(text).toBe(
      [
        'Firing: Payments API',
        '',
        `Authentication: ${DIAGNOSIS}`,
        '',
        'Rule: Three failures in a row',
        'Severity: down',
        'Since: 2026-11-27 14:32 UTC',
        '',
        'What to check',
        '1. Validate credentials: renew the token',
        '2. Check the token scopes',
        '',
        `Open in the monitor: ${firing.url}`,
        '',
      ].join('\n'),
    );
  });

  it('says the same as HTML', () => {
    const { html } = emailPayload(firing);
    expect(html).toContain('<h1 style="font-size:18px;margin:0 0 12px">Firing: Payments API</h1>');
    expect(html).toContain(`<p><strong>Authentication</strong>: ${DIAGNOSIS}</p>`);
    expect(html).toContain(
      '<th align="left" style="padding-right:12px">Rule</th><td>Three failures in a row</td>',
    );
    expect(html).toContain('<td>2026-11-27 14:32 UTC</td>');
    expect(html).toContain('<li>Validate credentials: renew the token</li><li>Check the token scopes</li>');
    expect(html).toContain(`<a href="${firing.url}" style="color:#0969da">Open in the monitor</a>`);
  });

  it.each<[string, ChannelMessage, { subject: string; title: string; lead: string | null; steps: boolean }]>([
    [
      're-notified',
      channelMessage({ type: 'alert.firing', reason: 'renotify' }),
      {
        subject: '[FIRING] Payments API',
        title: 'Still firing: Payments API',
        lead: 'Still failing.',
        steps: true,
      },
    ],
    [
      'a category change',
      channelMessage({ type: 'alert.firing', reason: 'category_changed' }),
      {
        subject: '[FIRING] Payments API',
        title: 'Firing: Payments API',
        lead: 'Still failing, in another category now.',
        steps: true,
      },
    ],
    [
      'resolved',
      channelMessage({ type: 'alert.resolved', alert: { ...firing.alert, state: 'resolved', resolvedAt } }),
      {
        subject: '[RESOLVED] Payments API',
        title: 'Resolved: Payments API',
        lead: 'Working again. It was:',
        steps: false,
      },
    ],
    [
      'flapping',
      channelMessage({ type: 'alert.flapping', alert: { ...firing.alert, flapping: true } }),
      {
        subject: '[FLAPPING] Payments API',
        title: 'Flapping: Payments API',
        lead: 'It keeps firing and resolving: no more notifications until it is stable.',
        steps: true,
      },
    ],
    [
      'a test',
      channelMessage({ type: 'alert.test' }),
      {
        subject: '[TEST] Payments API',
        title: 'Test: Payments API',
        lead: 'A test notification: nothing is failing. Alerts arrive here looking like this.',
        steps: true,
      },
    ],
  ])('%s', (_, message, expected) => {
    const { subject, text, html } = emailPayload(message);
    expect(subject).toBe(`${expected.subject}: Authentication — ${DIAGNOSIS}`);
    const [title, second] = text.split('\n\n');
    expect(title).toBe(expected.title);
    expect(second).toBe(expected.lead ?? `Authentication: ${DIAGNOSIS}`);
    expect(text.includes('What to check')).toBe(expected.steps);
    expect(html.includes('What to check')).toBe(expected.steps);
    if (expected.lead) expect(html).toContain(`<p>${expected.lead}</p>`);
  });

  it('says when a resolved alert fired and resolved', () => {
    const { text } = emailPayload(
      channelMessage({ type: 'alert.resolved', alert: { ...firing.alert, state: 'resolved', resolvedAt } }),
    );
    expect(text).toContain('Fired: 2026-11-27 14:32 UTC\nResolved: 2026-11-27 15:02 UTC');
  });

  it('names the rule when it is about no integration, as a test notification is', () => {
    const { subject, text } = emailPayload(channelMessage({ type: 'alert.test', integrations: [] }));
    expect(subject).toBe(`[TEST] Three failures in a row: Authentication — ${DIAGNOSIS}`);
    expect(text).toMatch(/^Test: Three failures in a row\n/);
  });

  it.each<[number, string[]]>([
    [14, []],
    [53, ['and 3 more']],
  ])('counts a group of %i in the subject and lists at most 50', (count, more) => {
    const integrations = groupedIntegrations(count);
    const { subject, text, html } = emailPayload(
      channelMessage({ integrations, alert: { ...firing.alert, category: 'connectivity' } }),
    );
    expect(subject).toBe(`[FIRING] ${count} integrations: Connectivity`);
    const listed = integrations.slice(0, 50).map(({ name, message }) => `- ${name}: ${message}`);
    expect(text.split('\n\n')[1]?.split('\n')).toEqual([
      `Connectivity · ${count} integrations`,
      ...listed,
      ...more,
    ]);
    expect(html).toContain(`<p><strong>Connectivity</strong> · ${count} integrations</p>`);
    expect(html.match(/<li><strong>Integration \d+<\/strong>/g)).toHaveLength(Math.min(count, 50));
  });

  describe('untrusted text', () => {
    const hostile = '<img src=x onerror="alert(1)"> & \'quoted\'';
    const payload = emailPayload(
      channelMessage({
        integrations: [{ ...firing.integrations[0]!, name: hostile }],
        alert: {
          ...firing.alert,
          message: hostile,
          troubleshooting: [hostile],
          rule: { id: 'r', name: hostile },
        },
        url: 'http://127.0.0.1:3000/integrations/x?a=1&b="><script>',
      }),
    );

    it('is escaped everywhere in the HTML body, the link included', () => {
      const escaped = '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quoted&#39;';
      expect(payload.html).not.toContain('<img');
      expect(payload.html).not.toContain('<script>');
      expect(payload.html).toContain(`<h1 style="font-size:18px;margin:0 0 12px">Firing: ${escaped}</h1>`);
      expect(payload.html).toContain(`<p><strong>Authentication</strong>: ${escaped}</p>`);
      expect(payload.html).toContain(`<td>${escaped}</td>`);
      expect(payload.html).toContain(`<li>${escaped}</li>`);
      expect(payload.html).toContain(
        'href="http://127.0.0.1:3000/integrations/x?a=1&amp;b=&quot;&gt;&lt;script&gt;"',
      );
    });

    it('stays as written in the text body and the subject', () => {
      expect(payload.subject).toBe(`[FIRING] ${hostile}: Authentication — ${hostile}`);
      expect(payload.text).toContain(`Rule: ${hostile}`);
    });
  });

  it('keeps every text on one line, so a name cannot forge a line of the body or a header', () => {
    const forged = 'Payments\r\nBcc: everyone@example.com\n\nOpen in the monitor: http://evil.example';
    const { subject, text } = emailPayload(
      channelMessage({ integrations: [{ ...firing.integrations[0]!, name: forged }] }),
    );
    expect(subject).not.toMatch(/[\r\n]/);
    expect(text.split('\n')[0]).toBe(
      'Firing: Payments Bcc: everyone@example.com Open in the monitor: http://evil.example',
    );
    expect(text.match(/^Open in the monitor: /gm)).toHaveLength(1);
  });

  it('links no other scheme than http(s)', () => {
    const { html } = emailPayload(channelMessage({ url: 'javascript:alert(1)' }));
    expect(html).not.toContain('href=');
    expect(html).toContain('Open in the monitor: javascript:alert(1)');
  });

  it('cuts a long subject to 200 characters, never through an emoji', () => {
    const prefix = '[FIRING] Payments API: Authentication — ';
    // The emoji's first half is the 199th character: the last one kept before the `…`.
    const long = `${'x'.repeat(198 - prefix.length)}😀 and more`;
    const { subject } = emailPayload(channelMessage({ alert: { ...firing.alert, message: long } }));
    expect(subject).toBe(`${prefix}${'x'.repeat(198 - prefix.length)}…`);
  });
});

describe(escapeHtml.name, () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>', '&lt;b&gt;'],
    ['"double" \'single\'', '&quot;double&quot; &#39;single&#39;'],
    ['&amp;', '&amp;amp;'],
    ['plain', 'plain'],
  ])('escapes %p', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});
