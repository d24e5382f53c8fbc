/** The hint of a secret input whose value the monitor keeps: secrets never come back to the browser. */
export const STORED_SECRET_NOTE =
  'Stored — leave empty to keep (only while the URL keeps its host), type to replace.';

/** The same for a webhook's receiving secret: no URL binds it, since deliveries come to the monitor. */
export const STORED_RECEIVER_SECRET_NOTE = 'Stored — leave empty to keep, type to replace.';
