import type { Metadata } from 'next';
import { MonitorDownPage } from '../../../../../../components/monitor-down-page';
import { RuleFormPage } from '../../../../../../components/rules/rule-form-page';
import { readAlertRule } from '../../../../../../lib/alerting-reads';
import { MonitorUnavailableError } from '../../../../../../lib/monitor-api';

import { saveRule } from '../../../../../alerts/rules/actions';
import { ManagedByFilePage } from '../../../../../../components/managed-by-file';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

const REFRESH_MS = 10_000;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const rule = await readAlertRule(id).catch(() => null);
  return { title: rule ? `Edit ${rule.name}` : 'Edit rule' };
}

export default async function EditRulePage({ params }: { params: Params }) {
  const { id } = await params;
  let rule;
  try {
    rule = await readAlertRule(id);
  } catch (error) {
    if (!(error instanceof MonitorUnavailableError)) throw error;
    return <MonitorDownPage title="Edit rule" message={error.message} refreshMs={REFRESH_MS} />;
  }
  if (rule.managedBy)
    return (
      <ManagedByFilePage
        title={`Edit ${rule.name}`}
        back={{ href: '/alerts/rules', label: 'Alert rules' }}
        file={rule.managedBy}
      />
    );
  return <RuleFormPage title={`Edit ${rule.name}`} rule={rule} saveAction={saveRule.bind(null, rule.id)} />;
}
