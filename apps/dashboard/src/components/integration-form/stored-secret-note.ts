/** The hint of a secret input whose value the monitor keeps: secrets never come back to the browser. */
export const STORED_SECRET_NOTE =
  'Stored — leave empty to keep (only while the URL keeps its host), type to replace.';
