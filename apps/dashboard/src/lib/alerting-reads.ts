import 'server-only';
import { cache } from 'react';
import { loadOrNotFound } from './load-or-not-found';
import { monitorApi } from './monitor-api';

// The reads of the alerting pages, each made once per request (React's cache) however many parts ask.

/** The alert with its deliveries; the monitor's 404 (or a malformed id) is the page's 404. */
export const readAlert = cache((id: string) => loadOrNotFound(monitorApi.alert(id)));

export const readChannels = cache(() => monitorApi.channels());

export const readChannel = cache((id: string) => loadOrNotFound(monitorApi.channel(id)));

/** Attempts in one page of a channel's delivery log. */
export const DELIVERIES_PAGE = 50;

/** One page of the channel's delivery log: the newest, or the one `before` (a `nextBefore`) points at. */
export const readChannelDeliveries = cache((id: string, before: string | undefined) =>
  monitorApi.channelDeliveries(id, DELIVERIES_PAGE, before),
);

export const readAlertRules = cache(() => monitorApi.alertRules());

export const readAlertRule = cache((id: string) => loadOrNotFound(monitorApi.alertRule(id)));

export const readSilence = cache((id: string) => loadOrNotFound(monitorApi.silence(id)));

/** Integrations a scope picker offers, by name. */
export const PICKER_INTEGRATIONS = 500;

export const readIntegrationChoices = cache(async () => {
  const list = await monitorApi.integrations(PICKER_INTEGRATIONS);
  return list.items.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'en'));
});
