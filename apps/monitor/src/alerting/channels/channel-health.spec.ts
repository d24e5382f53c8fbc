import { channelHealth } from './channel-health';
import type { ChannelEvidence } from './channel.repository';

const at = (minute: number) => new Date(Date.parse('2026-12-02T10:00:00.000Z') + minute * 60_000);
const ok = (minute: number): ChannelEvidence => ({ at: at(minute), ok: true, error: null });
const failed = (minute: number, error = 'the receiver answered 503'): ChannelEvidence => ({
  at: at(minute),
  ok: false,
  error,
});

describe(channelHealth.name, () => {
  it.each<[string, ChannelEvidence | null, ChannelEvidence | null, string, string | null, number | null]>([
    ['never tried', null, null, 'unused', null, null],
    ['a good test and nothing else', null, ok(1), 'healthy', null, 1],
    ['a failed test and nothing else', null, failed(1), 'failing', 'the receiver answered 503', 1],
    ['a delivery failing after a good test', failed(5), ok(1), 'failing', 'the receiver answered 503', 5],
    ['a good test after failing deliveries: the newest says', failed(5), ok(7), 'healthy', null, 7],
    ['a delivery after a failed test', ok(9), failed(7, 'timeout'), 'healthy', null, 9],
  ])('%s', (_case, lastAttempt, lastTest, state, lastError, minute) => {
    expect(channelHealth({ disabledReason: null }, { lastAttempt, lastTest, pending: 2 })).toEqual({
      state,
      lastAttemptAt: minute === null ? null : at(minute).toISOString(),
      lastError,
      pending: 2,
      disabledReason: null,
    });
  });

  it('is disabled while a receiver’s 410 stands, whatever a test said', () => {
    const gone = 'the receiver answered 410: it no longer takes deliveries';
    expect(
      channelHealth({ disabledReason: gone }, { lastAttempt: failed(1, gone), lastTest: ok(2), pending: 1 }),
    ).toMatchObject({ state: 'disabled', disabledReason: gone });
  });
});
