import type { ActionResult } from '../../lib/action-result';
import { readIntegrationChoices } from '../../lib/alerting-reads';
import { monitorApi } from '../../lib/monitor-api';
import { namer } from '../../lib/namer';
import { sectionRead } from '../../lib/section-read';
import { EmptyState } from '../empty-state';
import { SectionUnavailable } from '../section-unavailable';
import { SilenceAgendaView } from './silence-agenda-view';
import { canEdit } from '../../lib/can-edit';

/** The silences as an agenda, streamed behind their skeleton. */
export async function SilencesSection({
  deleteAction,
}: {
  deleteAction(silenceId: string): Promise<ActionResult<null>>;
}) {
  const read = await sectionRead(Promise.all([monitorApi.silences(), readIntegrationChoices()]));
  if (!read.ok) return <SectionUnavailable message={read.message} />;
  const [silences, integrations] = read.value;
  if (silences.items.length === 0) {
    return (
      <EmptyState
        title="No silences"
        action={
          (await canEdit())
            ? { href: '/alerts/silences/new', label: 'Add a silence', primary: true }
            : undefined
        }
      >
        Planned work on an integration? A silence holds its notifications back while it lasts; alerts are
        still recorded, and what is still wrong afterwards is sent then.
      </EmptyState>
    );
  }
  return (
    <SilenceAgendaView
      silences={silences.items}
      now={Date.now()}
      integrationName={namer(integrations, 'a deleted integration')}
      deleteAction={(await canEdit()) ? deleteAction : undefined}
    />
  );
}
