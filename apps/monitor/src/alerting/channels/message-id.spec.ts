import { channelMessageId } from './message-id';

describe(channelMessageId.name, () => {
  const firing = { alertKey: 'rule-1/int-1/2026-11-27T14:32:00.000Z', sequence: 1 };
  const other = { alertKey: 'rule-1/int-2/2026-11-27T14:32:00.000Z', sequence: 1 };

  it('is a msg_ id without the dots Standard Webhooks ids must not hold', () => {
    expect(channelMessageId([firing])).toMatch(/^msg_[A-Za-z0-9_-]{24}$/);
  });

  it('is the same for the same notifications, in any order', () => {
    expect(channelMessageId([firing])).toBe(channelMessageId([{ ...firing }]));
    expect(channelMessageId([firing, other])).toBe(channelMessageId([other, firing]));
    expect(channelMessageId([firing, firing, other])).toBe(channelMessageId([firing, other]));
  });

  it.each([
    ['the next notification of the alert', [{ ...firing, sequence: 2 }]],
    ['another alert', [other]],
    ['a group with one more notification', [firing, other]],
  ])('differs for %s', (_, notifications) => {
    expect(channelMessageId(notifications)).not.toBe(channelMessageId([firing]));
  });
});
