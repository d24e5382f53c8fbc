import type { Category } from './categories';
import type { ProbeStatus } from './status';
import { troubleshootingSteps } from './troubleshooting';

/** What classification concluded, before the general steps are added. */
export interface Finding {
  status: ProbeStatus;
  category: Category | null;
  message: string;
  /** Steps made specific by the evidence ("Check that the key has scope `orders:read`"); shown first. */
  steps: string[];
}

export interface Verdict {
  status: ProbeStatus;
  category: Category | null;
  message: string;
  troubleshooting: string[];
}

export function toVerdict(finding: Finding): Verdict {
  const general = finding.category ? troubleshootingSteps(finding.category) : [];
  return {
    status: finding.status,
    category: finding.category,
    message: finding.message,
    troubleshooting: [...finding.steps, ...general],
  };
}

export const down = (category: Category, message: string, steps: string[] = []): Finding => ({
  status: 'down',
  category,
  message,
  steps,
});

export const degraded = (category: Category, message: string, steps: string[] = []): Finding => ({
  status: 'degraded',
  category,
  message,
  steps,
});
