import { render, screen, within } from '@testing-library/react';
import { silenceFixture } from '../alerts/fixtures';
import { SilenceAgendaView } from './silence-agenda-view';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }) }));

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

describe(SilenceAgendaView.name, () => {
  it('offers to edit each silence, named by its comment, on its own page', () => {
    render(
      <SilenceAgendaView
        silences={[
          silenceFixture(),
          silenceFixture({ id: 'silence-2', comment: 'Old deploy', endsAt: '2026-11-25T11:00:00.000Z' }),
        ]}
        now={NOW}
        integrationName={String}
        deleteAction={jest.fn()}
      />,
    );
    const active = screen.getByRole('region', { name: /^Active/ });
    expect(within(active).getByRole('link', { name: 'Edit Provider maintenance' })).toHaveAttribute(
      'href',
      '/alerts/silences/silence-1/edit',
    );
    expect(
      within(screen.getByRole('region', { name: /^Ended/ })).getByRole('link', { name: 'Edit Old deploy' }),
    ).toHaveAttribute('href', '/alerts/silences/silence-2/edit');
  });
});
