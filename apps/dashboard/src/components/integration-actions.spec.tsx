import type { Integration, ProbeResult } from '@ihm/contracts';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActionResult } from '../lib/action-result';
import { IntegrationActions } from './integration-actions';
import { probeResult, storedIntegration } from './integration-form/fixtures';

const mockRouter = { push: jest.fn(), refresh: jest.fn() };
jest.mock('next/navigation', () => ({ useRouter: () => mockRouter }));

function setup(paused = false) {
  const integration = storedIntegration({ paused });
  const setPausedAction = jest.fn(async (_id: string, next: boolean): Promise<ActionResult<Integration>> => ({
    ok: true,
    value: { ...integration, paused: next },
  }));
  const probeNowAction = jest.fn(async (): Promise<ActionResult<ProbeResult>> => ({
    ok: true,
    value: probeResult({ status: 'up', category: null, message: 'Healthy: 200 in 131 ms' }),
  }));
  const deleteAction = jest.fn(async (): Promise<ActionResult<null>> => ({ ok: true, value: null }));
  render(
    <IntegrationActions
      integration={integration}
      setPausedAction={setPausedAction}
      probeNowAction={probeNowAction}
      deleteAction={deleteAction}
    />,
  );
  return { user: userEvent.setup(), setPausedAction, probeNowAction, deleteAction };
}

beforeEach(() => jest.clearAllMocks());

describe('IntegrationActions', () => {
  it('pauses and resumes, then refreshes the page', async () => {
    const { user, setPausedAction } = setup(true);
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(setPausedAction).toHaveBeenCalledWith('int_1', false);
    expect(mockRouter.refresh).toHaveBeenCalled();
  });

  it('probes now and shows the new status and message', async () => {
    const { user, probeNowAction } = setup();
    await user.click(screen.getByRole('button', { name: 'Probe now' }));
    expect(probeNowAction).toHaveBeenCalledWith('int_1');
    expect(screen.getByRole('status')).toHaveTextContent('up Healthy: 200 in 131 ms');
    expect(mockRouter.refresh).toHaveBeenCalled();
  });

  it('shows why an action was refused', async () => {
    const { user, probeNowAction } = setup();
    probeNowAction.mockResolvedValueOnce({
      ok: false,
      message: 'The monitor does not answer.',
      fieldErrors: [],
    });
    await user.click(screen.getByRole('button', { name: 'Probe now' }));
    expect(screen.getByRole('status')).toHaveTextContent('The monitor does not answer.');
  });

  it('links to the edit page', () => {
    setup();
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/integrations/int_1/edit');
  });

  it('deletes only after a confirmation naming the integration, then goes to the overview', async () => {
    const { user, deleteAction } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    expect(deleteAction).not.toHaveBeenCalled();
    expect(screen.getByText(/and all its results\? This cannot be undone\./)).toHaveTextContent(
      'Payments API',
    );
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Delete Payments API' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    await user.click(screen.getByRole('button', { name: 'Delete Payments API' }));
    expect(deleteAction).toHaveBeenCalledWith('int_1');
    expect(mockRouter.push).toHaveBeenCalledWith('/');
  });
});
