import type { Silence, SilenceRequest } from '@ihm/contracts';
import type { ActionResult } from '../../lib/action-result';
import { readIntegrationChoices } from '../../lib/alerting-reads';
import { MonitorUnavailableError } from '../../lib/monitor-api';
import { MonitorDownPage } from '../monitor-down-page';
import { PageHead } from '../page-head';
import { SilenceFormRoute } from '../silence-form/silence-form-route';

const REFRESH_MS = 10_000;

interface SilenceFormPageProps {
  title: string;
  silence: Silence | null;
  saveAction(request: SilenceRequest): Promise<ActionResult<Silence>>;
}

/** The silence form's page, new or edit: the integrations its scope offers are read first. */
export async function SilenceFormPage({ title, silence, saveAction }: SilenceFormPageProps) {
  let integrations;
  try {
    integrations = await readIntegrationChoices();
  } catch (error) {
    if (!(error instanceof MonitorUnavailableError)) throw error;
    return <MonitorDownPage title={title} message={error.message} refreshMs={REFRESH_MS} />;
  }
  return (
    <>
      <PageHead title={title} back={{ href: '/alerts/silences', label: 'Silences' }}>
        <p className="muted">Alerts are still recorded while it holds; only their notifications wait.</p>
      </PageHead>
      <SilenceFormRoute silence={silence} integrations={integrations} onSave={saveAction} />
    </>
  );
}
