import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';

export type ContentEncoding = 'identity' | 'gzip';

const compress = promisify(gzip);

/**
 * gzip when the scraper accepts it, as Prometheus does by default: at 10,000 integrations 20 MiB of exposition
 * travel as about 1.5 MiB.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const gzipAccepted = (acceptEncoding ?? '').split(',').some((entry) => {
    const [coding, ...params] = entry.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return (coding === 'gzip' || coding === 'x-gzip') && (q === undefined || Number(q) > 0);
  });
  return gzipAccepted ? 'gzip' : 'identity';
}

/**
 * A part of the response as it goes on the wire. With gzip each part is a gzip member of its own: a gzip stream is
 * a series of members (RFC 1952 §2.2), so parts compressed apart, some of them kept between scrapes, concatenate
 * into one valid body. Compression runs on libuv's thread pool, beside the event loop; the fastest level
 * already shrinks exposition text 12–20 times.
 */
export function encodePart(bytes: Buffer, encoding: ContentEncoding): Promise<Buffer> {
  return encoding === 'gzip' ? compress(bytes, { level: constants.Z_BEST_SPEED }) : Promise.resolve(bytes);
}
