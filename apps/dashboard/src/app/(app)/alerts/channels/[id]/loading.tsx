import { ChannelPageSkeleton } from '../../../../../components/channels/channel-page-skeleton';

export default function ChannelLoading() {
  return <ChannelPageSkeleton />;
}
