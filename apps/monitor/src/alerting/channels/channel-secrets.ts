import { CHANNEL_SECRET_FIELDS, MASKED_SECRET, type ChannelType, type FieldError } from '@ihm/contracts';

type Config = Record<string, unknown>;

/** A channel's config split into what is shown (secrets masked) and its secrets (sealed apart). */
export function splitChannelSecrets(type: ChannelType, config: Config): { masked: Config; secrets: Config } {
  const masked: Config = { ...config };
  const secrets: Config = {};
  for (const field of CHANNEL_SECRET_FIELDS[type]) {
    if (config[field] === undefined) continue;
    secrets[field] = config[field];
    masked[field] = MASKED_SECRET;
  }
  return { masked, secrets };
}

/**
 * An edit may send `MASKED_SECRET` back for a secret it keeps: take the stored value. A mask with nothing stored
 * behind it (another channel type) is a field error.
 */
export function keepMaskedChannelSecrets(
  type: ChannelType,
  incoming: Config,
  stored: { type: ChannelType; secrets: Config },
): { config: Config; errors: FieldError[] } {
  const config: Config = { ...incoming };
  const errors: FieldError[] = [];
  for (const field of CHANNEL_SECRET_FIELDS[type]) {
    if (config[field] !== MASKED_SECRET) continue;
    const kept = stored.type === type ? stored.secrets[field] : undefined;
    if (kept === undefined)
      errors.push({ field: `config.${field}`, message: 'enter the secret: none is stored for it' });
    else config[field] = kept;
  }
  return { config, errors };
}
