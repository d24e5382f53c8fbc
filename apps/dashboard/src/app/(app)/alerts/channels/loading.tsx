import { AlertingPageSkeleton } from '../../../../components/alerts/alerting-page-skeleton';
import { CardListSkeleton } from '../../../../components/alerts/card-list-skeleton';

export default function ChannelsLoading() {
  return (
    <AlertingPageSkeleton title="Channels" current="/alerts/channels">
      <CardListSkeleton what="Loading the channels…" />
    </AlertingPageSkeleton>
  );
}
