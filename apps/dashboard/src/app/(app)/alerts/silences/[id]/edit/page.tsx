import type { Metadata } from 'next';
import { MonitorDownPage } from '../../../../../../components/monitor-down-page';
import { SilenceFormPage } from '../../../../../../components/silences/silence-form-page';
import { readIntegrationChoices, readSilence } from '../../../../../../lib/alerting-reads';
import { MonitorUnavailableError } from '../../../../../../lib/monitor-api';
import { saveSilence } from '../../../../../alerts/silences/actions';
import { ManagedByFilePage } from '../../../../../../components/managed-by-file';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Edit silence' };

type Params = Promise<{ id: string }>;

const REFRESH_MS = 10_000;

export default async function EditSilencePage({ params }: { params: Params }) {
  const { id } = await params;
  readIntegrationChoices().catch(() => undefined);
  let silence;
  try {
    silence = await readSilence(id);
  } catch (error) {
    if (!(error instanceof MonitorUnavailableError)) throw error;
    return <MonitorDownPage title="Edit silence" message={error.message} refreshMs={REFRESH_MS} />;
  }
  if (silence.managedBy)
    return (
      <ManagedByFilePage
        title="Edit silence"
        back={{ href: '/alerts/silences', label: 'Silences' }}
        file={silence.managedBy}
      />
    );
  return (
    <SilenceFormPage title="Edit silence" silence={silence} saveAction={saveSilence.bind(null, silence.id)} />
  );
}
