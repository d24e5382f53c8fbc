import { z } from 'zod';
import { AlertScopeSchema } from './alert-rule.contract';

const instant = (what: string) =>
  z.iso.datetime({ offset: true, error: `${what} must be an ISO-8601 date and time` });

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const WeeklyWindowSchema = z.strictObject({
  day: z
    .number({ error: 'day must be a number' })
    .int()
    .min(0, { error: 'day must be 0 (Sunday) to 6 (Saturday)' })
    .max(6, { error: 'day must be 0 (Sunday) to 6 (Saturday)' }),
  start: z.string().regex(HH_MM, { error: 'start must be HH:MM (UTC)' }),
  /** An end not after the start ends on the next day (22:00–02:00; 00:00–00:00 is the whole day). */
  end: z.string().regex(HH_MM, { error: 'end must be HH:MM (UTC)' }),
});

/** A silence or maintenance window (DESIGN.md, "Silences"): nothing is sent for what it covers while it holds. */
export const SilenceRequestSchema = z
  .strictObject({
    scope: AlertScopeSchema.default({}),
    startsAt: instant('startsAt'),
    endsAt: instant('endsAt'),
    comment: z
      .string({ error: 'comment is required' })
      .trim()
      .min(1, { error: 'comment must say why (who is working on what)' })
      .max(500, { error: 'comment must be at most 500 characters' }),
    recurrence: z
      .strictObject({
        weekly: z.array(WeeklyWindowSchema).min(1, { error: 'weekly needs a window' }).max(50),
      })
      .optional(),
  })
  .superRefine((silence, ctx) => {
    if (Date.parse(silence.endsAt) <= Date.parse(silence.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endsAt must be after startsAt' });
  });
export type SilenceRequest = z.output<typeof SilenceRequestSchema>;

export const SilenceSchema = z.object({
  id: z.string(),
  scope: AlertScopeSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  comment: z.string(),
  recurrence: z.object({ weekly: z.array(WeeklyWindowSchema) }).nullable(),
  /** The config file that manages it (config as code); edits through the API are refused while set. */
  managedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Silence = z.infer<typeof SilenceSchema>;

export const SilenceListSchema = z.object({ items: z.array(SilenceSchema) });
export type SilenceList = z.infer<typeof SilenceListSchema>;
