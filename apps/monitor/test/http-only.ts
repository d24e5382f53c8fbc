/** Narrows an integration (a definition or the API's view) to the http kind, failing the test otherwise. */
export function httpOnly<T extends { kind: string }>(value: T): Extract<T, { kind: 'http' }> {
  if (value.kind !== 'http') throw new Error(`expected an http integration, got ${value.kind}`);
  return value as Extract<T, { kind: 'http' }>;
}
