import type { AlertRule } from '@ihm/contracts';
import type { ActionResult } from '../../lib/action-result';
import { readChannels, readIntegrationChoices } from '../../lib/alerting-reads';
import { MonitorUnavailableError } from '../../lib/monitor-api';
import { MonitorDownPage } from '../monitor-down-page';
import { PageHead } from '../page-head';
import { RuleFormRoute } from '../rule-form/rule-form-route';
import type { RuleRequest } from '../rule-form/to-rule-request';

const REFRESH_MS = 10_000;

/** The rule form's page, new or edit: the channels and integrations it offers are read first. */
interface RuleFormPageProps {
  title: string;
  rule: AlertRule | null;
  saveAction(request: RuleRequest): Promise<ActionResult<AlertRule>>;
}

export async function RuleFormPage({ title, rule, saveAction }: RuleFormPageProps) {
  let choices;
  try {
    choices = await Promise.all([readChannels(), readIntegrationChoices()]);
  } catch (error) {
    if (!(error instanceof MonitorUnavailableError)) throw error;
    return <MonitorDownPage title={title} message={error.message} refreshMs={REFRESH_MS} />;
  }
  const [channels, integrations] = choices;
  return (
    <>
      <PageHead title={title} back={{ href: '/alerts/rules', label: 'Alert rules' }}>
        <p className="muted">A rule turns failing results into alerts and sends them to its channels.</p>
      </PageHead>
      <RuleFormRoute
        rule={rule}
        channels={channels.items.map(({ id, name }) => ({ id, name }))}
        integrations={integrations}
        onSave={saveAction}
      />
    </>
  );
}
