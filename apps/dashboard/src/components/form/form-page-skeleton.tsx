import { LoadingText, SkeletonBlock, SkeletonText } from '../skeleton';

/** An input's height. */
const CONTROL_PX = 34;

interface FormPageSkeletonProps {
  /** The page one level up, as the head's way back names it. */
  back: string;
  what: string;
  /** Fields per section of the form, in order. */
  sections: readonly number[];
}

/** An edit page while what it edits loads: its head as PageHead lays it out, then the form's sections. */
export function FormPageSkeleton({ back, what, sections }: FormPageSkeletonProps) {
  return (
    <div aria-busy="true">
      <div className="page-head">
        <div>
          <span className="muted">← {back}</span>
          <h1>
            <SkeletonText width="14em" />
            <LoadingText>{what}</LoadingText>
          </h1>
          <p className="muted">
            <SkeletonText width="24em" />
          </p>
        </div>
      </div>
      <div className="integration-form">
        {sections.map((fields, section) => (
          <fieldset key={section} className="form-section" aria-hidden="true" disabled>
            <legend>
              <SkeletonText width="9em" />
            </legend>
            <div className="form-grid">
              {Array.from({ length: fields }, (_, field) => (
                <div key={field} className="form-field">
                  <div>
                    <SkeletonText width="7em" />
                  </div>
                  <SkeletonBlock height={CONTROL_PX} />
                </div>
              ))}
            </div>
          </fieldset>
        ))}
        <div className="form-actions" aria-hidden="true">
          <SkeletonBlock className="button-skeleton" />
        </div>
      </div>
    </div>
  );
}
