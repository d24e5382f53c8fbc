import type { Metadata } from 'next';
import { MonitorDownPage } from '../../../../../components/monitor-down-page';
import { PageHead } from '../../../../../components/page-head';
import { SilenceFormRoute } from '../../../../../components/silence-form/silence-form-route';
import { readIntegrationChoices } from '../../../../../lib/alerting-reads';
import { MonitorUnavailableError } from '../../../../../lib/monitor-api';
import { createSilence } from '../../../../alerts/silences/actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Add a silence' };

const REFRESH_MS = 10_000;

export default async function NewSilencePage() {
  let integrations;
  try {
    integrations = await readIntegrationChoices();
  } catch (error) {
    if (!(error instanceof MonitorUnavailableError)) throw error;
    return <MonitorDownPage title="Add a silence" message={error.message} refreshMs={REFRESH_MS} />;
  }
  return (
    <>
      <PageHead title="Add a silence" back={{ href: '/alerts/silences', label: 'Silences' }}>
        <p className="muted">Alerts are still recorded while it holds; only their notifications wait.</p>
      </PageHead>
      <SilenceFormRoute integrations={integrations} onSave={createSilence} />
    </>
  );
}
