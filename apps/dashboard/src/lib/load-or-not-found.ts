import 'server-only';
import { notFound } from 'next/navigation';
import { MonitorRequestError } from './monitor-api';

/** A monitor read for a page about one thing: the monitor's 404 (or a malformed id) is the page's 404. */
export async function loadOrNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof MonitorRequestError && (error.status === 404 || error.status === 400)) notFound();
    throw error;
  }
}
