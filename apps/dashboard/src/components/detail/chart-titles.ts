/** Each trend chart's title: its heading, its region's name, and its placeholder's while it loads. */
export const CHART_TITLES = {
  latency: 'Latency by phase',
  success: 'Success rate',
  rateLimit: 'Rate-limit budget',
} as const;
