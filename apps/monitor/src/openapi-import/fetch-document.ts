import { MAX_OPENAPI_DOCUMENT_BYTES } from '@ihm/contracts';
import { outboundAgent, type OutboundPolicy } from '@ihm/probe';
import { fetch, type Dispatcher } from 'undici';
import { requestFailure } from '../common/request-failure';
import { OpenApiImportError } from './openapi-schema';

const TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;

const dispatchers = new WeakMap<OutboundPolicy, Dispatcher>();

/**
 * The document at `url`, as text: GET through the outbound guard (every connection, redirects included, is
 * checked against the policy), within 30 s and MAX_OPENAPI_DOCUMENT_BYTES. Failures are OpenApiImportErrors
 * that say why without quoting the URL.
 */
export async function fetchDocument(url: string, policy: OutboundPolicy): Promise<string> {
  let dispatcher = dispatchers.get(policy);
  if (!dispatcher) dispatchers.set(policy, (dispatcher = outboundAgent(policy)));
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  let response;
  let location = url;
  try {
    for (let hop = 0; ; hop += 1) {
      response = await fetch(location, {
        headers: { accept: 'application/json, application/yaml;q=0.9, */*;q=0.5' },
        redirect: 'manual',
        signal,
        dispatcher,
      });
      const next = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || next === null) break;
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new OpenApiImportError(`more than ${MAX_REDIRECTS} redirects`);
      location = new URL(next, location).href;
      if (!/^https?:$/.test(new URL(location).protocol))
        throw new OpenApiImportError('redirected to a non-http URL');
    }
  } catch (error) {
    if (error instanceof OpenApiImportError) throw error;
    throw new OpenApiImportError(`could not be fetched: ${requestFailure(error)}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new OpenApiImportError(`could not be fetched: HTTP ${response.status}`);
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_OPENAPI_DOCUMENT_BYTES) {
    await response.body?.cancel();
    throw new OpenApiImportError(`is larger than ${MAX_OPENAPI_DOCUMENT_BYTES / 1024 / 1024} MiB`);
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of response.body ?? []) {
      bytes += chunk.length;
      if (bytes > MAX_OPENAPI_DOCUMENT_BYTES)
        throw new OpenApiImportError(`is larger than ${MAX_OPENAPI_DOCUMENT_BYTES / 1024 / 1024} MiB`);
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof OpenApiImportError) throw error;
    throw new OpenApiImportError(`could not be read: ${requestFailure(error)}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}
