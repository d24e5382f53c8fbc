import { PageHeadSkeleton } from '../../../../../components/page-head-skeleton';
import { SHAPE_FIELD_COLUMNS } from '../../../../../components/shape/shape-sections';
import { SkeletonBlock } from '../../../../../components/skeleton';
import { TableSkeleton } from '../../../../../components/table-skeleton';

export default function ShapeLoading() {
  return (
    <>
      <PageHeadSkeleton titleWidth="16em" loading="Loading the response shape…" />
      <h2>Changes</h2>
      <SkeletonBlock height={96} />
      <h2>Learned shape</h2>
      <TableSkeleton
        columns={SHAPE_FIELD_COLUMNS}
        widths={['12em', '6em', '4em']}
        rows={6}
        className="data"
      />
    </>
  );
}
