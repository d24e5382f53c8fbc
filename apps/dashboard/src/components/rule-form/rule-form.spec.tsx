import type { AlertRule } from '@ihm/contracts';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActionResult } from '../../lib/action-result';
import { ruleFixture } from '../alerts/fixtures';
import { RuleForm, type RuleFormProps } from './rule-form';

function setup(props: Partial<RuleFormProps> = {}) {
  const onSave = jest.fn<Promise<ActionResult<AlertRule>>, Parameters<RuleFormProps['onSave']>>(async () => ({
    ok: true,
    value: ruleFixture(),
  }));
  const onSaved = jest.fn();
  render(
    <RuleForm
      rule={null}
      channels={[
        { id: 'chan-1', name: 'Ops webhook' },
        { id: 'chan-2', name: 'On-call mail' },
      ]}
      integrations={[{ id: 'int-1', name: 'Payments API' }]}
      onSave={onSave}
      onSaved={onSaved}
      {...props}
    />,
  );
  return { user: userEvent.setup(), onSave, onSaved };
}

describe(RuleForm.name, () => {
  it('shows the numbers of the chosen condition and starts it at the severity it sees', async () => {
    const { user } = setup();
    expect(screen.getByLabelText('Failures in a row to fire')).toHaveValue(3);
    expect(screen.getByLabelText('Counts results that are')).toHaveValue('down');

    await user.selectOptions(screen.getByLabelText('Fires when'), 'Latency (p95)');
    expect(screen.queryByLabelText('Failures in a row to fire')).not.toBeInTheDocument();
    expect(screen.getByLabelText('p95 above (ms)')).toHaveValue(2000);
    expect(screen.getByLabelText('Over the last (minutes)')).toHaveValue(15);
    expect(screen.getByLabelText('Counts results that are')).toHaveValue('degraded');
  });

  it('adds a rule with its scope, channels and reminders turned off', async () => {
    const { user, onSave, onSaved } = setup();
    await user.type(screen.getByLabelText('Name'), 'Payments down');
    await user.click(screen.getByRole('checkbox', { name: 'Payments API' }));
    await user.click(screen.getByRole('checkbox', { name: 'Authentication' }));
    await user.click(screen.getByRole('checkbox', { name: 'On-call mail' }));
    await user.click(screen.getByLabelText('Remind while firing'));
    expect(screen.queryByLabelText('Remind every (minutes)')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add rule' }));

    expect(onSave).toHaveBeenCalledWith({
      name: 'Payments down',
      condition: { type: 'consecutiveFailures', count: 3, recoverCount: 1 },
      scope: { integrationIds: ['int-1'], categories: ['authentication'] },
      minSeverity: 'down',
      channelIds: ['chan-2'],
      renotifyMinutes: null,
    });
    expect(onSaved).toHaveBeenCalled();
  });

  it('edits a stored rule: its channels ticked, the API’s errors beside their inputs', async () => {
    const { user, onSave } = setup({ rule: ruleFixture({ channelIds: ['chan-1'] }) });
    expect(screen.getByRole('checkbox', { name: 'Ops webhook' })).toBeChecked();
    onSave.mockResolvedValueOnce({
      ok: false,
      message: 'The request body is invalid',
      fieldErrors: [{ field: 'renotifyMinutes', message: 'renotifyMinutes must be at most 10080' }],
    });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByLabelText('Remind every (minutes)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Remind every (minutes)')).toHaveAccessibleDescription(
      'renotifyMinutes must be at most 10080',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('One field below is marked.');
  });
});
