'use client';

import type { RateLimit, Trend } from '@ihm/contracts';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime, formatNumber, formatRelative, formatSeconds } from '../../lib/format';
import { ChartFrame, sparseDots } from './chart-frame';
import { timeAxisProps, tooltipProps } from './chart-time';

/** The remaining rate-limit budget against the limit, with when the current window resets. */
export function RateLimitChart({ trend, latest }: { trend: Trend; latest: RateLimit | null }) {
  const data = trend.points.map((point) => ({
    at: point.at,
    remaining: point.rateLimitRemaining,
    limit: point.rateLimitLimit,
  }));
  const reportedPoints = trend.points.filter((point) => point.rateLimitRemaining !== null).length;
  const reported = reportedPoints > 0;
  const parts: string[] = [];
  if (latest?.remaining !== null && latest?.remaining !== undefined) {
    parts.push(
      `${formatNumber(latest.remaining)}${latest.limit !== null ? ` of ${formatNumber(latest.limit)}` : ''} requests left`,
    );
  }
  if (latest?.resetAt)
    parts.push(`resets ${formatRelative(latest.resetAt)} (${formatDateTime(latest.resetAt)})`);
  if (latest?.retryAfterSeconds !== null && latest?.retryAfterSeconds !== undefined) {
    parts.push(`Retry-After ${formatSeconds(latest.retryAfterSeconds)}`);
  }
  const summary = parts.length
    ? `${parts.join(', ')}.`
    : 'The API sent no rate-limit headers in this window.';
  return (
    <ChartFrame
      title="Rate-limit budget"
      summary={summary}
      empty={reported ? null : 'No rate-limit headers seen in this window.'}
    >
      <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis {...timeAxisProps(trend.window)} />
        <YAxis stroke="var(--muted)" fontSize={11} width={56} allowDecimals={false} />
        <Tooltip {...tooltipProps} />
        <Line
          type="stepAfter"
          dataKey="limit"
          name="limit"
          stroke="var(--muted)"
          strokeDasharray="4 4"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="remaining"
          name="remaining"
          stroke="var(--chart-4)"
          strokeWidth={2}
          dot={sparseDots(reportedPoints)}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
