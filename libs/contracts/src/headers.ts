import { z } from 'zod';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const HeadersSchema = z
  .record(
    z.string().regex(HEADER_NAME, { error: 'must be a valid HTTP header name' }).max(256),
    z
      .string({ error: 'must be a string' })
      .max(8192, { error: 'must be at most 8192 characters' })
      .refine((value) => !/[\r\n\0]/.test(value), { error: 'must not contain line breaks' }),
  )
  .refine((headers) => Object.keys(headers).length <= 50, { error: 'at most 50 headers' });
