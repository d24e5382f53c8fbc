import { AlertingPageSkeleton } from '../../../../components/alerts/alerting-page-skeleton';
import { CardListSkeleton } from '../../../../components/alerts/card-list-skeleton';

export default function RulesLoading() {
  return (
    <AlertingPageSkeleton title="Alert rules" current="/alerts/rules">
      <CardListSkeleton what="Loading the rules…" />
    </AlertingPageSkeleton>
  );
}
