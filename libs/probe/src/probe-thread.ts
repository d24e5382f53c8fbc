import { parentPort, workerData } from 'node:worker_threads';
import { probeHttp } from './http.prober';
import { outboundPolicy } from './outbound-guard';
import type { ProbeThreadMessage, ProbeThreadReply, ProbeThreadSettings } from './probe-threads';

/**
 * One probe thread: runs the probes the pool sends it with its own event loop (its own TLS contexts, OAuth token
 * cache and Ajv schemas), so that sockets, TLS handshakes and parsing use another core than the scheduler's.
 */
// undici ends every connection with an error object (a reset, a closed client) and Node's streams format its
// stack: about a tenth of a probe thread's time. Nothing here reads a stack (a failure travels as its message).
Error.stackTraceLimit = 0;
const settings = workerData as ProbeThreadSettings;
const outbound = outboundPolicy(settings.allowPrivate, settings.allowedCidrs);
const running = new Map<number, AbortController>();
const port = parentPort!;

port.on('message', (message: ProbeThreadMessage) => {
  if (message.kind === 'abort') {
    running.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  const reply = (answer: ProbeThreadReply) => port.postMessage(answer);
  probeHttp(message.target, { ...message.options, outbound, signal: controller.signal })
    .then(
      (observation) => reply({ id: message.id, observation }),
      (error: unknown) =>
        reply({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => running.delete(message.id));
});
