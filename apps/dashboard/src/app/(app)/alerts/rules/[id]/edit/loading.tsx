import { FormPageSkeleton } from '../../../../../../components/form/form-page-skeleton';

export default function EditRuleLoading() {
  return <FormPageSkeleton back="Alert rules" what="Loading the rule to edit…" sections={[4, 3, 2]} />;
}
