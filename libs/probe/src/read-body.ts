import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export interface BodyRead {
  data: Buffer;
  /** Stopped at the cap: the rest was not read. */
  capped: boolean;
}

function decoderFor(contentEncoding: string | undefined) {
  switch (contentEncoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

/**
 * Reads at most `capBytes` of the decoded body, then stops and closes the stream: a huge body or a
 * decompression bomb costs the monitor `capBytes`, never more.
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | undefined,
  capBytes: number,
): Promise<BodyRead> {
  const decoder = decoderFor(contentEncoding);
  const source: AsyncIterable<Buffer> = decoder ? pipeline(body, decoder, () => undefined) : body;
  const chunks: Buffer[] = [];
  let size = 0;
  let capped = false;
  try {
    for await (const chunk of source) {
      const room = capBytes - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size = capBytes;
        capped = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } finally {
    if (capped || !body.readableEnded) {
      discard(body);
      decoder?.destroy();
    }
  }
  return { data: Buffer.concat(chunks, size), capped };
}

/** Stops reading a response: destroying undici's body emits an abort error, which nothing must be left to throw. */
export function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}
