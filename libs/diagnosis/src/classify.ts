import { classifySchema } from './classify-body';
import { classifyDrift } from './shape/classify-drift';
import { classifyResponse } from './classify-response';
import { classifyTransport } from './classify-transport';
import { expiredToken, firstWarning } from './classify-warnings';
import { down, toVerdict, type Finding, type Verdict } from './finding';
import { quote } from './humanize';
import type { Observation } from './observation';
import { classifySignedDelivery } from './webhooks/classify-signed-delivery';

function tokenEndpointFinding(observation: Observation): Finding | null {
  const failure = observation.tokenFailure;
  if (!failure) return null;
  if (failure.transport) {
    const finding = classifyTransport(failure.transport, null);
    return { ...finding, message: `OAuth2 token endpoint ${failure.tokenUrl}: ${finding.message}` };
  }
  const said = [failure.error, failure.description ? `"${quote(failure.description)}"` : null]
    .filter(Boolean)
    .join(' ');
  return down(
    'authentication',
    `The OAuth2 token endpoint refused the client (${failure.status ?? 'no status'}${said ? ` ${said}` : ''}).`,
    [
      failure.error === 'invalid_scope'
        ? 'Check the requested scope: the client is not allowed to ask for it.'
        : 'Check the client id and secret, and that this client may use the client-credentials grant.',
    ],
  );
}

/**
 * Decides a probe's status and guide category, and says why in one sentence with the steps to take.
 * Order matters: a failure to reach the API hides everything after it; an error outranks a warning.
 */
export function classify(observation: Observation): Verdict {
  const finding =
    tokenEndpointFinding(observation) ??
    (observation.signedAs ? classifySignedDelivery(observation, observation.signedAs) : null) ??
    (observation.failure ? classifyTransport(observation.failure, observation.timeoutMs) : null) ??
    expiredToken(observation) ??
    (observation.response ? classifyResponse(observation, observation.response) : null) ??
    classifySchema(observation.schema) ??
    classifyDrift(observation.drift) ??
    firstWarning(observation);
  if (finding) return toVerdict(finding);
  const status = observation.response?.status;
  return { status: 'up', category: null, message: `OK${status ? ` (${status})` : ''}.`, troubleshooting: [] };
}
