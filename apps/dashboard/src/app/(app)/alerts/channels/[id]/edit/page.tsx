import type { Metadata } from 'next';
import { ChannelFormRoute } from '../../../../../../components/channel-form/channel-form-route';
import { MonitorDownPage } from '../../../../../../components/monitor-down-page';
import { PageHead } from '../../../../../../components/page-head';
import { readChannel } from '../../../../../../lib/alerting-reads';
import { MonitorUnavailableError } from '../../../../../../lib/monitor-api';
import { saveChannel } from '../../../../../alerts/channels/actions';
import { ManagedByFilePage } from '../../../../../../components/managed-by-file';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

const REFRESH_MS = 10_000;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const channel = await readChannel(id).catch(() => null);
  return { title: channel ? `Edit ${channel.name}` : 'Edit channel' };
}

export default async function EditChannelPage({ params }: { params: Params }) {
  const { id } = await params;
  let channel;
  try {
    channel = await readChannel(id);
  } catch (error) {
    if (!(error instanceof MonitorUnavailableError)) throw error;
    return <MonitorDownPage title="Edit channel" message={error.message} refreshMs={REFRESH_MS} />;
  }
  if (channel.managedBy)
    return (
      <ManagedByFilePage
        title={`Edit ${channel.name}`}
        back={{ href: '/alerts/channels', label: 'Channels' }}
        file={channel.managedBy}
      />
    );
  return (
    <>
      <PageHead title={`Edit ${channel.name}`} back={{ href: '/alerts/channels', label: 'Channels' }}>
        <p className="muted">Secrets are never shown: leave a secret empty to keep the stored one.</p>
      </PageHead>
      <ChannelFormRoute channel={channel} saveAction={saveChannel.bind(null, channel.id)} />
    </>
  );
}
