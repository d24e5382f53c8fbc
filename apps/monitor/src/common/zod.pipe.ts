import { toFieldErrors } from '@ihm/contracts';
import { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { MonitorError } from './monitor-error';

/** Validates a request body or query against a contracts schema; a failure is a field-level 400. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly source: 'body' | 'query' = 'body',
  ) {}

  transform(value: unknown): z.output<S> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new MonitorError('VALIDATION_FAILED', `The request ${this.source} must be a JSON object`, [
        { field: `(${this.source})`, message: 'must be a JSON object' },
      ]);
    }
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw new MonitorError(
      'VALIDATION_FAILED',
      `The request ${this.source} is invalid`,
      toFieldErrors(result.error),
    );
  }
}
