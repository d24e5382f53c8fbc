import type { FieldError } from '@ihm/contracts';
import { act, renderHook } from '@testing-library/react';
import type { FormEvent } from 'react';
import type { ActionResult } from '../../lib/action-result';
import { placeByPath, placeErrors, type BuiltRequest } from './field-messages';
import { useFormSubmission, type FormSubmissionOptions } from './use-form-submission';

interface NameForm {
  name: string;
}

type Saved = { id: string; name: string };

const submitEvent = () => ({ preventDefault: jest.fn() }) as unknown as FormEvent;

const buildName = (form: NameForm): BuiltRequest<NameForm> =>
  form.name.trim() === ''
    ? { ok: false, errors: { name: ['Enter a name.'] } }
    : { ok: true, request: { name: form.name.trim() } };

/** Only `name` has an input: the API's other errors go to the summary. */
const placeName = (errors: readonly FieldError[]) =>
  placeErrors(errors, (error) => placeByPath(error, new Set(['name'])));

function setup(name: string, onSave: FormSubmissionOptions<NameForm, NameForm, Saved>['onSave']) {
  const onSaved = jest.fn();
  const save = jest.fn(onSave);
  const place = jest.fn(placeName);
  const hook = renderHook(() =>
    useFormSubmission({ initial: () => ({ name }), build: buildName, place, onSave: save, onSaved }),
  );
  return { hook, save, place, onSaved };
}

const saved: ActionResult<Saved> = { ok: true, value: { id: 'int_1', name: 'Payments' } };

describe(useFormSubmission.name, () => {
  it('marks the fields it cannot build and sends nothing', async () => {
    const { hook, save, onSaved } = setup(' ', async () => saved);
    const event = submitEvent();

    await act(async () => hook.result.current.save(event));

    expect(event.preventDefault).toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
    expect(hook.result.current.errors).toEqual({ name: ['Enter a name.'] });
    expect(hook.result.current.problem).toEqual({
      message: 'Some fields need a fix first.',
      unplaced: [],
      marked: 1,
    });
  });

  it('places the API’s field errors beside their inputs and lists the rest in the summary', async () => {
    const fieldErrors = [
      { field: 'name', message: 'Name is taken.' },
      { field: 'owner', message: 'Unknown team.' },
    ];
    const { hook, save, place, onSaved } = setup('Payments', async () => ({
      ok: false,
      message: 'The monitor rejected the integration.',
      fieldErrors,
    }));

    await act(async () => hook.result.current.save(submitEvent()));

    expect(save).toHaveBeenCalledWith({ name: 'Payments' });
    expect(place).toHaveBeenCalledWith(fieldErrors, { name: 'Payments' });
    expect(onSaved).not.toHaveBeenCalled();
    expect(hook.result.current.errors).toEqual({ name: ['Name is taken.'] });
    expect(hook.result.current.problem).toEqual({
      message: 'The monitor rejected the integration.',
      unplaced: [{ field: 'owner', message: 'Unknown team.' }],
      marked: 1,
    });
    expect(hook.result.current.busy).toBeNull();
  });

  it('clears the errors on success and hands the saved value on', async () => {
    const answers: ActionResult<Saved>[] = [
      { ok: false, message: 'Rejected.', fieldErrors: [{ field: 'name', message: 'Name is taken.' }] },
      saved,
    ];
    const { hook, onSaved } = setup('Payments', async () => answers.shift() ?? saved);

    await act(async () => hook.result.current.save(submitEvent()));
    expect(hook.result.current.errors).toEqual({ name: ['Name is taken.'] });

    await act(async () => hook.result.current.save(submitEvent()));
    expect(hook.result.current.errors).toEqual({});
    expect(hook.result.current.problem).toBeNull();
    expect(onSaved).toHaveBeenCalledWith(saved.value);
  });

  it('clears a field’s errors when it is edited', async () => {
    const { hook } = setup('', async () => saved);
    await act(async () => hook.result.current.save(submitEvent()));

    act(() => hook.result.current.edit('name', { name: 'Payments' }));

    expect(hook.result.current.form).toEqual({ name: 'Payments' });
    expect(hook.result.current.errors).toEqual({});
  });

  it('says what a thrown error stopped, and is busy with one send at a time', async () => {
    let reject: (error: Error) => void = () => undefined;
    const { hook, save } = setup('Payments', async () => ({ ok: true, value: saved.value }));
    const send = jest.fn(
      () =>
        new Promise<ActionResult<null>>((_, fail) => {
          reject = fail;
        }),
    );

    act(() => void hook.result.current.run({ busy: 'testing', what: 'The test', send, done: jest.fn() }));
    expect(hook.result.current.busy).toBe('testing');
    await act(async () => hook.result.current.save(submitEvent()));
    expect(save).not.toHaveBeenCalled();

    await act(async () => reject(new Error('socket hang up')));
    expect(hook.result.current.busy).toBeNull();
    expect(hook.result.current.problem?.message).toBe('The test failed: socket hang up');
  });
});
