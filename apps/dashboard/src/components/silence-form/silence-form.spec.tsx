import type { Silence } from '@ihm/contracts';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActionResult } from '../../lib/action-result';
import { silenceFixture } from '../alerts/fixtures';
import { SilenceForm, type SilenceFormProps } from './silence-form';

function setup(silence: Silence, outcome: ActionResult<Silence> = { ok: true, value: silence }) {
  const onSave = jest.fn<Promise<ActionResult<Silence>>, Parameters<SilenceFormProps['onSave']>>(
    async () => outcome,
  );
  const onSaved = jest.fn();
  render(
    <SilenceForm
      silence={silence}
      integrations={[{ id: 'int-1', name: 'Payments API' }]}
      onSave={onSave}
      onSaved={onSaved}
    />,
  );
  return { user: userEvent.setup(), onSave, onSaved };
}

describe(SilenceForm.name, () => {
  it('edits a stored silence: its values in the inputs, the whole silence sent back with the change', async () => {
    const silence = silenceFixture({ scope: { integrationIds: ['int-1'] } });
    const { user, onSave, onSaved } = setup(silence);
    expect(screen.getByLabelText('Starts')).toHaveValue('2026-11-25T10:00');
    expect(screen.getByLabelText('Ends')).toHaveValue('2026-11-25T14:00');
    expect(screen.getByRole('checkbox', { name: 'Payments API' })).toBeChecked();
    expect(screen.getByLabelText('Repeat weekly')).toBeEnabled();

    await user.clear(screen.getByLabelText('Comment'));
    await user.type(screen.getByLabelText('Comment'), 'Provider maintenance, extended');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSave).toHaveBeenCalledWith({
      scope: { integrationIds: ['int-1'] },
      startsAt: '2026-11-25T10:00:00.000Z',
      endsAt: '2026-11-25T14:00:00.000Z',
      comment: 'Provider maintenance, extended',
    });
    expect(onSaved).toHaveBeenCalledWith(silence);
  });

  it('turns a weekly silence into a one-off one: the replacement leaves the windows out', async () => {
    const silence = silenceFixture({ recurrence: { weekly: [{ day: 2, start: '01:00', end: '03:00' }] } });
    const { user, onSave } = setup(silence);
    const weekly = screen.getByLabelText('Repeat weekly');
    expect(weekly).toBeChecked();
    expect(screen.getByLabelText('Day of window 1')).toHaveValue('2');
    await user.click(weekly);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSave.mock.calls[0]?.[0]).not.toHaveProperty('recurrence');
  });

  it('shows the API’s field errors beside their inputs', async () => {
    const { user } = setup(silenceFixture(), {
      ok: false,
      message: 'The request body is invalid',
      fieldErrors: [{ field: 'endsAt', message: 'endsAt must be after startsAt' }],
    });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByLabelText('Ends')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Ends')).toHaveAccessibleDescription(/endsAt must be after startsAt/);
  });
});
