import type { Metadata } from 'next';
import { ChannelFormRoute } from '../../../../../components/channel-form/channel-form-route';
import { PageHead } from '../../../../../components/page-head';
import { saveChannel } from '../../../../alerts/channels/actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Add a channel' };

export default function NewChannelPage() {
  return (
    <>
      <PageHead title="Add a channel" back={{ href: '/alerts/channels', label: 'Channels' }}>
        <p className="muted">Secrets are stored encrypted and never shown again.</p>
      </PageHead>
      <ChannelFormRoute channel={null} saveAction={saveChannel.bind(null, null)} />
    </>
  );
}
