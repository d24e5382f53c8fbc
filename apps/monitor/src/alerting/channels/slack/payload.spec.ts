import { channelMessage, groupedIntegrations } from '../../../../test/receivers/channel-message.fixture';
import type { ChannelMessage } from '../channel-message';
import { slackPayload, type SlackBlock, type SlackPayload } from './payload';

const firing = channelMessage();
const resolvedAt = new Date('2026-11-27T15:02:00.000Z');
const STEPS = '*What to check*\n1. Validate credentials: renew the token\n2. Check the token scopes';
const LINK = `<${firing.url}|Open in the monitor>`;

const textOf = (block: SlackBlock | undefined): string => {
  if (!block) return '';
  return block.type === 'context'
    ? block.elements.map((element) => element.text).join(' | ')
    : block.text.text;
};
const header = (payload: SlackPayload) => textOf(payload.blocks.find((block) => block.type === 'header'));
const sections = (payload: SlackPayload) =>
  payload.blocks.filter((block) => block.type === 'section').map(textOf);
const context = (payload: SlackPayload) => textOf(payload.blocks.find((block) => block.type === 'context'));

/** Slack refuses a whole message past any of its limits. */
function expectWithinSlackLimits(payload: SlackPayload): void {
  expect(payload.blocks.length).toBeLessThanOrEqual(50);
  expect(payload.text.length).toBeLessThanOrEqual(3000);
  for (const block of payload.blocks) {
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'context') {
      expect(block.elements.length).toBeLessThanOrEqual(10);
      for (const element of block.elements) expect(element.text.length).toBeLessThanOrEqual(3000);
    }
  }
}

describe(slackPayload.name, () => {
  it('is a header, the diagnosis, rule and time, the steps and a link, with a text fallback', () => {
    expect(slackPayload(firing)).toEqual({
      text: `:red_circle: Firing: Payments API · *Authentication*: Bearer token expired 2 h ago (JWT exp) · ${LINK}`,
      blocks: [
        {
          type: 'header',
          text: { type: 'plain_text', text: ':red_circle: Firing: Payments API', emoji: true },
        },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*Authentication*: Bearer token expired 2 h ago (JWT exp)' },
        },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: 'Rule *Three failures in a row*' },
            { type: 'mrkdwn', text: 'Severity down' },
            {
              type: 'mrkdwn',
              text: 'Since <!date^1795789920^{date_short_pretty} {time}|2026-11-27 14:32 UTC>',
            },
          ],
        },
        { type: 'section', text: { type: 'mrkdwn', text: STEPS } },
        { type: 'section', text: { type: 'mrkdwn', text: LINK } },
      ],
    });
  });

  it.each<[string, ChannelMessage, { header: string; lead: RegExp | null; steps: boolean; when: RegExp }]>([
    [
      'firing, degraded',
      channelMessage({ alert: { ...firing.alert, severity: 'degraded' } }),
      { header: ':large_orange_circle: Firing: Payments API', lead: null, steps: true, when: /^Since / },
    ],
    [
      're-notified',
      channelMessage({ type: 'alert.firing', reason: 'renotify' }),
      {
        header: ':red_circle: Still firing: Payments API',
        lead: /^Still failing:$/,
        steps: true,
        when: /^Since /,
      },
    ],
    [
      'a category change',
      channelMessage({ type: 'alert.firing', reason: 'category_changed' }),
      {
        header: ':red_circle: Firing: Payments API',
        lead: /in another category now/,
        steps: true,
        when: /^Since /,
      },
    ],
    [
      'resolved',
      channelMessage({ type: 'alert.resolved', alert: { ...firing.alert, state: 'resolved', resolvedAt } }),
      {
        header: ':large_green_circle: Resolved: Payments API',
        lead: /^Working again\. It was:$/,
        steps: false,
        when: /^Fired <!date\^1795789920\^.*Resolved <!date\^1795791720\^/,
      },
    ],
    [
      'resolved because the integration was deleted',
      channelMessage({
        type: 'alert.resolved',
        reason: 'integration_deleted',
        alert: { ...firing.alert, state: 'resolved', resolvedAt },
      }),
      {
        header: ':large_green_circle: Resolved: Payments API',
        lead: /^No longer watched: the integration was deleted\. It was:$/,
        steps: false,
        when: /^Fired .*Resolved /,
      },
    ],
    [
      'flapping',
      channelMessage({ type: 'alert.flapping', alert: { ...firing.alert, flapping: true } }),
      {
        header: ':twisted_rightwards_arrows: Flapping: Payments API',
        lead: /keeps firing and resolving: no more notifications until it is stable/,
        steps: true,
        when: /^Since /,
      },
    ],
    [
      'a test',
      channelMessage({ type: 'alert.test' }),
      {
        header: ':test_tube: Test: Payments API',
        lead: /^A test notification: nothing is failing/,
        steps: true,
        when: /^Since /,
      },
    ],
  ])('%s', (_, message, expected) => {
    const payload = slackPayload(message);
    expect(header(payload)).toBe(expected.header);
    const [diagnosis = '', ...rest] = sections(payload);
    const lines = diagnosis.split('\n');
    if (expected.lead) expect(lines.shift()).toMatch(expected.lead);
    expect(lines).toEqual(['*Authentication*: Bearer token expired 2 h ago (JWT exp)']);
    expect(rest).toEqual(expected.steps ? [STEPS, LINK] : [LINK]);
    expect(context(payload).split(' | ').slice(2).join(' ')).toMatch(expected.when);
    expect(payload.text.startsWith(expected.header.split(':').slice(0, 3).join(':'))).toBe(true);
    expectWithinSlackLimits(payload);
  });

  describe('a group', () => {
    it.each<[number, string, string[]]>([
      [2, 'Integration 1, Integration 2', []],
      [3, 'Integration 1, Integration 2, Integration 3', []],
      [14, 'Integration 1, Integration 2 and 12 more', ['and 4 more']],
    ])('of %i names them in the header and lists at most ten', (count, names, more) => {
      const integrations = groupedIntegrations(count);
      const payload = slackPayload(
        channelMessage({ integrations, alert: { ...firing.alert, category: 'connectivity' } }),
      );
      expect(header(payload)).toBe(`:red_circle: Firing: ${names}`);
      const [diagnosis = ''] = sections(payload);
      const listed = integrations
        .slice(0, 10)
        .map((integration) => `• *${integration.name}*: ${integration.message}`);
      expect(diagnosis.split('\n')).toEqual([`*Connectivity* · ${count} integrations`, ...listed, ...more]);
      expect(payload.text).toContain(`Firing: ${names} · *Connectivity* · ${count} integrations`);
      expectWithinSlackLimits(payload);
    });
  });

  it('names the rule when it is about no integration, as a test notification is', () => {
    const payload = slackPayload(channelMessage({ type: 'alert.test', integrations: [] }));
    expect(header(payload)).toBe(':test_tube: Test: Three failures in a row');
    expect(sections(payload)[0]?.split('\n')[1]).toBe(
      '*Authentication*: Bearer token expired 2 h ago (JWT exp)',
    );
  });

  it('escapes &, < and > wherever mrkdwn is read, so no text mentions @channel or forges a link', () => {
    const hostile = '<!channel> & <https://evil.example|click>';
    const payload = slackPayload(
      channelMessage({
        integrations: [{ ...firing.integrations[0]!, name: hostile }],
        alert: {
          ...firing.alert,
          message: hostile,
          troubleshooting: [hostile],
          rule: { id: 'r', name: hostile },
        },
      }),
    );
    const escaped = '&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;';
    const mrkdwn = [payload.text, ...sections(payload), context(payload)].join('\n');
    expect(mrkdwn).not.toContain('<!channel>');
    expect(mrkdwn).not.toContain('<https://evil');
    expect(sections(payload)[0]).toBe(`*Authentication*: ${escaped}`);
    expect(sections(payload)[1]).toBe(`*What to check*\n1. ${escaped}`);
    expect(context(payload)).toContain(`Rule *${escaped}*`);
    // A header is plain text: Slack shows it as written.
    expect(header(payload)).toBe(`:red_circle: Firing: ${hostile}`);
  });

  it('shows five steps at most and counts the rest', () => {
    const troubleshooting = Array.from({ length: 8 }, (_, i) => `Step ${i + 1}`);
    const [, steps] = sections(slackPayload(channelMessage({ alert: { ...firing.alert, troubleshooting } })));
    expect(steps?.split('\n')).toEqual([
      '*What to check*',
      ...['1. Step 1', '2. Step 2', '3. Step 3', '4. Step 4', '5. Step 5'],
      '…and 3 more steps in the monitor',
    ]);
  });

  it('leaves out the steps when there are none', () => {
    const payload = slackPayload(channelMessage({ alert: { ...firing.alert, troubleshooting: [] } }));
    expect(sections(payload)).toHaveLength(2);
  });

  it("keeps within Slack's limits whatever the lengths, never cutting an escape in half", () => {
    const long = '&'.repeat(5000);
    const payload = slackPayload(
      channelMessage({
        integrations: groupedIntegrations(40).map((integration) => ({
          ...integration,
          name: long,
          message: long,
        })),
        alert: { ...firing.alert, message: long, troubleshooting: Array.from({ length: 9 }, () => long) },
      }),
    );
    expectWithinSlackLimits(payload);
    for (const text of [payload.text, ...sections(payload)]) expect(text).not.toMatch(/&(?!amp;)/);
    expect(header(payload)).toMatch(/…$/);
  });
});
