'use client';

import { inferJsonSchema, type ProbeResult } from '@ihm/contracts';
import { useState } from 'react';
import { useControlId } from '../form/field';

/** The Test result's body as JSON, when it is a whole JSON object or array from a successful answer. */
export function healthyJsonBody(result: ProbeResult): unknown {
  const body = result.evidence?.bodyExcerpt;
  if (!body || result.httpStatus === null || result.httpStatus < 200 || result.httpStatus >= 300) return null;
  try {
    const json: unknown = JSON.parse(body);
    return typeof json === 'object' && json !== null ? json : null;
  } catch {
    return null;
  }
}

/** The JSON Schema inferred from a healthy JSON answer, as the editor shows it; null for any other answer. */
export function inferredSchemaText(result: ProbeResult): string | null {
  const body = healthyJsonBody(result);
  return body === null ? null : JSON.stringify(inferJsonSchema([body]), null, 2);
}

/**
 * "Use this response as the expected schema": a JSON Schema inferred from the Test's answer (types, required
 * fields, array items, formats) goes into the schema editor, to review before saving.
 */
export function SchemaFromResponse({
  result,
  onUse,
}: {
  result: ProbeResult;
  onUse(schemaText: string): void;
}) {
  const editorId = useControlId('responseSchema');
  const [used, setUsed] = useState(false);
  const inferred = inferredSchemaText(result);
  if (inferred === null)
    return (
      <p className="muted">
        No schema can be inferred from this answer: it is not a successful JSON response, or longer than the
        256 KiB a Test keeps.
      </p>
    );
  const use = () => {
    onUse(inferred);
    setUsed(true);
    const editor = document.getElementById(editorId);
    editor?.scrollIntoView({ block: 'center' });
    editor?.focus();
  };
  return (
    <div className="row schema-from-response">
      <button type="button" className="button" onClick={use}>
        Use this response as the expected schema
      </button>
      <span className="muted" aria-live="polite">
        {used ? 'The response JSON Schema now describes this answer: review it, then save.' : null}
      </span>
    </div>
  );
}
