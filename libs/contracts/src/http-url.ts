import { z } from 'zod';

/** An absolute http(s) URL, as a probe or a token request can use it. */
export const HttpUrlSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .max(2048, { error: 'must be at most 2048 characters' })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { error: 'must be an absolute http:// or https:// URL' },
  );
