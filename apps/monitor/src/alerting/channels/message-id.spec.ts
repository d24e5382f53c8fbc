import { channelMessageId, groupMessageId } from './message-id';

describe(channelMessageId.name, () => {
  const firing = { alertKey: 'rule-1/int-1/2026-11-27T14:32:00.000Z', sequence: 1 };
  const other = { alertKey: 'rule-1/int-2/2026-11-27T14:32:00.000Z', sequence: 1 };

  it('is a msg_ id without the dots Standard Webhooks ids must not hold', () => {
    expect(channelMessageId(firing)).toMatch(/^msg_[A-Za-z0-9_-]{24}$/);
  });

  it('is the same for the same notification', () => {
    expect(channelMessageId(firing)).toBe(channelMessageId({ ...firing }));
  });

  it.each([
    ['the next notification of the alert', { ...firing, sequence: 2 }],
    ['another alert', other],
  ])('differs for %s', (_, notification) => {
    expect(channelMessageId(notification)).not.toBe(channelMessageId(firing));
  });
});

describe(groupMessageId.name, () => {
  const [a, b, c] = ['msg_a', 'msg_b', 'msg_c'];

  it('is the notification’s own id for a group of one, so grouping changes nothing for it', () => {
    expect(groupMessageId([a])).toBe(a);
  });

  it('is the same for the same members in any order, and differs with one more', () => {
    expect(groupMessageId([a, b])).toMatch(/^msg_[A-Za-z0-9_-]{24}$/);
    expect(groupMessageId([a, b])).toBe(groupMessageId([b, a]));
    expect(groupMessageId([a, b, c])).not.toBe(groupMessageId([a, b]));
  });
});
