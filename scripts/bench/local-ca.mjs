import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const openssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/**
 * A certificate authority of the bench's own and a leaf it signed for `addresses` (P-256 ECDSA, as most APIs now
 * serve), in `dir`: the monitor trusts the CA (NODE_EXTRA_CA_CERTS), so every probe does a full TLS handshake and
 * verifies the chain, as against a real API.
 */
export function localCertificates(dir, addresses) {
  const path = (name) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    path('ca.key'),
    '-out',
    path('ca.crt'),
    '-subj',
    '/CN=bench CA',
    '-days',
    '2',
  );
  openssl('req', ...ec, '-keyout', path('leaf.key'), '-out', path('leaf.csr'), '-subj', '/CN=bench target');
  writeFileSync(path('leaf.ext'), `subjectAltName=${addresses.map((a) => `IP:${a}`).join(',')}\n`);
  openssl(
    'x509',
    '-req',
    '-in',
    path('leaf.csr'),
    '-CA',
    path('ca.crt'),
    '-CAkey',
    path('ca.key'),
    '-CAcreateserial',
    '-out',
    path('leaf.crt'),
    '-days',
    '2',
    '-extfile',
    path('leaf.ext'),
  );
  return { ca: path('ca.crt'), cert: path('leaf.crt'), key: path('leaf.key') };
}
