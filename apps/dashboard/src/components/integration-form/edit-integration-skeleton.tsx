import { LoadingText, SkeletonBlock, SkeletonText } from '../skeleton';

interface FieldShape {
  /** Across both columns. */
  wide?: boolean;
  /** The control's height: an input, or the schema editor's ten lines of 12.5 px code, padding and border. */
  controlPx: number;
  /** A line of hint under the control. */
  hint?: boolean;
}

const INPUT: FieldShape = { controlPx: 34 };
const INPUT_WITH_HINT: FieldShape = { controlPx: 34, hint: true };

/** The form's sections as their fields lie out: request, authentication, expected response, schedule, organisation. */
const SECTIONS: readonly (readonly FieldShape[])[] = [
  [INPUT, INPUT, { ...INPUT, wide: true }, { controlPx: 28, hint: true, wide: true }],
  [INPUT],
  [INPUT_WITH_HINT, INPUT_WITH_HINT, { controlPx: 195, hint: true, wide: true }],
  [INPUT_WITH_HINT, INPUT_WITH_HINT, INPUT_WITH_HINT, INPUT_WITH_HINT, INPUT_WITH_HINT],
  [INPUT_WITH_HINT, INPUT_WITH_HINT],
];

/**
 * The edit page while the integration loads: its head as PageHead lays it out (the way back names the
 * integration, still unknown), then the form's sections.
 */
export function EditIntegrationSkeleton() {
  return (
    <div aria-busy="true">
      <div className="page-head">
        <div>
          <SkeletonText width="8em" />
          <h1>
            <SkeletonText width="14em" />
            <LoadingText>Loading the integration to edit…</LoadingText>
          </h1>
          <p className="muted">
            <SkeletonText width="28em" />
          </p>
        </div>
      </div>
      <IntegrationFormSkeleton />
    </div>
  );
}

function IntegrationFormSkeleton() {
  return (
    <div className="integration-form">
      {SECTIONS.map((fields, section) => (
        <fieldset key={section} className="form-section" aria-hidden="true" disabled>
          <legend>
            <SkeletonText width="9em" />
          </legend>
          <div className="form-grid">
            {fields.map((shape, field) => (
              <div key={field} className={shape.wide ? 'form-field wide' : 'form-field'}>
                <div>
                  <SkeletonText width="7em" />
                </div>
                <SkeletonBlock height={shape.controlPx} />
                {shape.hint ? (
                  <p className="form-hint">
                    <SkeletonText width="16em" />
                  </p>
                ) : null}
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="form-actions" aria-hidden="true">
        <SkeletonBlock className="button-skeleton" />
        <SkeletonBlock className="button-skeleton" />
      </div>
    </div>
  );
}
