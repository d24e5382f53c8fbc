import { AlertingPageSkeleton } from '../../../../components/alerts/alerting-page-skeleton';
import { CardListSkeleton } from '../../../../components/alerts/card-list-skeleton';

export default function SilencesLoading() {
  return (
    <AlertingPageSkeleton title="Silences" current="/alerts/silences">
      <CardListSkeleton what="Loading the silences…" />
    </AlertingPageSkeleton>
  );
}
