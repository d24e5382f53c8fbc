import type { DeliveryVerdict } from '@ihm/contracts';

/** The receiver's verdicts in words, for the deliveries table's badges. */
export const VERDICT_LABELS: Readonly<Record<DeliveryVerdict, string>> = {
  accepted: 'accepted',
  missing_signature: 'no signature',
  bad_signature: 'bad signature',
  stale_timestamp: 'stale timestamp',
  duplicate: 'duplicate',
  invalid_payload: 'invalid payload',
  unreadable: 'unreadable',
  wrong_content_type: 'wrong content type',
  too_large: 'too large',
};
