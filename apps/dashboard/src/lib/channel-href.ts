/** A channel's page: its newest deliveries, or the older page a `nextBefore` names. */
export function channelHref(id: string, before?: string): string {
  const path = `/alerts/channels/${encodeURIComponent(id)}`;
  return before ? `${path}?${new URLSearchParams({ before }).toString()}` : path;
}
