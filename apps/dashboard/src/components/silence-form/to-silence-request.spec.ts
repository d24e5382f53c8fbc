import { placeSilenceErrors } from './silence-field-errors';
import { silenceFixture } from '../alerts/fixtures';
import { emptySilenceForm, fromSilence, localInputValue } from './silence-form-state';
import { toSilenceRequest } from './to-silence-request';

// The specs run with TZ=UTC (jest.config.js): the browser's local time is UTC here.
const NOW = new Date('2026-11-25T12:00:30.000Z');

describe(emptySilenceForm.name, () => {
  it('starts now, to the minute, for two hours', () => {
    expect(emptySilenceForm(NOW)).toMatchObject({ startsAt: '2026-11-25T12:00', endsAt: '2026-11-25T14:00' });
    expect(localInputValue(new Date('2026-01-05T09:07:00.000Z'))).toBe('2026-01-05T09:07');
  });
});

describe(fromSilence.name, () => {
  it('fills the inputs from a stored one-off silence: local instants, scope lists as typed, a window to start from', () => {
    const silence = silenceFixture({
      scope: { integrationIds: ['int-1'], tags: ['billing', 'eu'], categories: ['authentication'] },
    });
    expect(fromSilence(silence)).toEqual({
      scope: { integrationIds: ['int-1'], tags: 'billing, eu', categories: ['authentication'] },
      startsAt: '2026-11-25T10:00',
      endsAt: '2026-11-25T14:00',
      comment: 'Provider maintenance',
      weekly: false,
      windows: [{ key: 0, day: '6', start: '22:00', end: '02:00' }],
    });
  });

  it('fills a weekly silence’s windows, one row each with its own key', () => {
    const silence = silenceFixture({
      recurrence: {
        weekly: [
          { day: 2, start: '01:00', end: '03:00' },
          { day: 6, start: '22:00', end: '02:00' },
        ],
      },
    });
    expect(fromSilence(silence)).toMatchObject({
      weekly: true,
      windows: [
        { key: 0, day: '2', start: '01:00', end: '03:00' },
        { key: 1, day: '6', start: '22:00', end: '02:00' },
      ],
    });
  });

  it('sends back the silence it was filled from, unchanged', () => {
    const silence = silenceFixture({
      scope: { tags: ['billing'] },
      recurrence: { weekly: [{ day: 0, start: '00:00', end: '00:00' }] },
    });
    expect(toSilenceRequest(fromSilence(silence))).toEqual({
      ok: true,
      request: {
        scope: silence.scope,
        startsAt: silence.startsAt,
        endsAt: silence.endsAt,
        comment: silence.comment,
        recurrence: silence.recurrence,
      },
    });
  });
});

describe(toSilenceRequest.name, () => {
  it('sends local instants as ISO-8601, the scope’s lists that say something, and no recurrence by default', () => {
    const form = {
      ...emptySilenceForm(NOW),
      comment: ' Deploy ',
      scope: { integrationIds: [], tags: 'billing', categories: [] },
    };
    expect(toSilenceRequest(form)).toEqual({
      ok: true,
      request: {
        scope: { tags: ['billing'] },
        startsAt: '2026-11-25T12:00:00.000Z',
        endsAt: '2026-11-25T14:00:00.000Z',
        comment: 'Deploy',
      },
    });
  });

  it('sends weekly windows with their day as a number', () => {
    const form = { ...emptySilenceForm(NOW), comment: 'Window', weekly: true };
    expect(toSilenceRequest(form)).toMatchObject({
      request: { recurrence: { weekly: [{ day: 6, start: '22:00', end: '02:00' }] } },
    });
  });

  it('asks for an instant that was left empty', () => {
    expect(toSilenceRequest({ ...emptySilenceForm(NOW), endsAt: '' })).toEqual({
      ok: false,
      errors: { endsAt: ['Enter a date and time.'] },
    });
  });
});

describe(placeSilenceErrors.name, () => {
  it('puts a window’s error on that window’s input, and the order of the instants on the end', () => {
    const form = { ...emptySilenceForm(NOW), weekly: true };
    expect(
      placeSilenceErrors(
        [
          { field: 'endsAt', message: 'endsAt must be after startsAt' },
          { field: 'recurrence.weekly.0.end', message: 'end must be HH:MM (UTC)' },
        ],
        form,
        String,
      ),
    ).toEqual({
      byField: {
        endsAt: ['endsAt must be after startsAt'],
        'recurrence.weekly.0.end': ['end must be HH:MM (UTC)'],
      },
      unplaced: [],
    });
  });
});
