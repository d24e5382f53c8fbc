import { z } from 'zod';

// Before any schema is built in the browser: without jitless, Zod probes for eval with a `new Function` it
// catches, which the Content-Security-Policy still reports as a violation on every page that parses a form.
z.config({ jitless: true });
