import 'server-only';
import { MonitorUnavailableError } from './monitor-api';

export type SectionRead<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A streamed section's data, or why the monitor could not give it. The page's head is already shown when a
 * section reads, so a monitor that stops answering then is said in that section's place, not by an error
 * page over the whole page; any other failure still goes to the error boundary.
 */
export async function sectionRead<T>(read: Promise<T>): Promise<SectionRead<T>> {
  try {
    return { ok: true, value: await read };
  } catch (error) {
    if (error instanceof MonitorUnavailableError) return { ok: false, message: error.message };
    throw error;
  }
}
