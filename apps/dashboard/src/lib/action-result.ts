import type { FieldError } from '@ihm/contracts';

/** What a server action answers the browser: the value, or what went wrong with the API's field errors. */
export type ActionResult<T> =
  { ok: true; value: T } | { ok: false; message: string; fieldErrors: FieldError[] };
