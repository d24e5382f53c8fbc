import { AlertListSkeleton } from '../../../components/alerts/alert-skeletons';
import { AlertingPageSkeleton } from '../../../components/alerts/alerting-page-skeleton';

export default function AlertsLoading() {
  return (
    <AlertingPageSkeleton title="Alerts" current="/alerts">
      <AlertListSkeleton />
    </AlertingPageSkeleton>
  );
}
