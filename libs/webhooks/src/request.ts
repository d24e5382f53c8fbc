import type { InboundRequest } from './types';

/** A header's value, or null when it is absent or blank. */
export function headerOf(request: InboundRequest, name: string): string | null {
  const value = request.headers[name.toLowerCase()]?.trim();
  return value ? value : null;
}

export function firstHeaderOf(request: InboundRequest, names: readonly string[]): string | null {
  for (const name of names) {
    const value = headerOf(request, name);
    if (value !== null) return value;
  }
  return null;
}

/** A top-level string field of a JSON object body, or null when the body is no such object. */
export function jsonFieldOf(body: Buffer, field: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const value: unknown = (parsed as Record<string, unknown>)[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Where schemes without a delivery id of their own (hmac, none) find one. */
const GENERIC_DELIVERY_HEADERS = ['webhook-id', 'x-webhook-id', 'x-delivery-id', 'idempotency-key'];

export function genericDeliveryId(request: InboundRequest): string | null {
  return firstHeaderOf(request, GENERIC_DELIVERY_HEADERS);
}

export function bytesOf(body: Buffer | string): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

export function isFormUrlEncoded(contentType: string | null): boolean {
  return contentType !== null && /^\s*application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType);
}
