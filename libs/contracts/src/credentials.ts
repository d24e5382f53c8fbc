import { parseTree, type Node, type ParseError } from 'jsonc-parser';

/**
 * Names whose values are credentials, wherever they are written: a header, a URL's query parameter, a field of a
 * JSON or form body. Their values are stored encrypted, masked on output and redacted from evidence, because
 * people put API keys in a query (`?key=`, `?api_key=`) or a body (`"client_secret"`) as often as in `auth`.
 */
const CREDENTIAL_NAME =
  /authorization|cookie|token|secret|api[-_]?key|access[-_]?key|private[-_]?key|password|passwd|passphrase|session|signature|credential|^(key|auth|sig|pwd|pass)$/i;

export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name);
}

/** One credential where it is written: its place (stable across a mask and back) and its value. */
export interface CredentialPlace {
  /** `key#0` for the first `key` parameter of a query; a JSON pointer (`/auth/client_secret`) in a JSON body. */
  place: string;
  value: string;
}

/** Given a credential, the value to write in its stead. */
export type CredentialRewrite = (credential: CredentialPlace) => string;

function decodeFormComponent(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Rewrites the values of credential-named parameters of an `application/x-www-form-urlencoded` string (a URL's
 * query or a form body), leaving every other byte as written. Values are passed and returned decoded.
 */
export function rewriteFormCredentials(form: string, rewrite: CredentialRewrite): string {
  const seen = new Map<string, number>();
  return form
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const name = decodeFormComponent(pair.slice(0, equals));
      const value = decodeFormComponent(pair.slice(equals + 1));
      if (name === null || value === null || value === '' || !isCredentialName(name)) return pair;
      const occurrence = seen.get(name) ?? 0;
      seen.set(name, occurrence + 1);
      const next = rewrite({ place: `${name}#${occurrence}`, value });
      return next === value ? pair : `${pair.slice(0, equals + 1)}${encodeURIComponent(next)}`;
    })
    .join('&');
}

/** The same, for a URL's query; the rest of the URL is left as written. */
export function rewriteUrlCredentials(url: string, rewrite: CredentialRewrite): string {
  const match = /^([^?#]*\?)([^#]*)(#.*)?$/s.exec(url);
  if (!match) return url;
  const [, before, query, fragment = ''] = match;
  return `${before}${rewriteFormCredentials(query!, rewrite)}${fragment}`;
}

function pointerOf(node: Node): string {
  const steps: string[] = [];
  for (let at: Node | undefined = node; at?.parent; at = at.parent) {
    const parent: Node = at.parent;
    if (parent.type === 'property') {
      steps.unshift(String(parent.children![0]!.value));
      at = parent;
    } else if (parent.type === 'array') {
      steps.unshift(String(parent.children!.indexOf(at)));
    }
  }
  return steps.map((step) => `/${step.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function credentialNodes(node: Node, found: Node[]): Node[] {
  if (node.type === 'property') {
    const [key, value] = node.children ?? [];
    if (value?.type === 'string' && value.value !== '' && isCredentialName(String(key?.value))) {
      found.push(value);
      return found;
    }
  }
  for (const child of node.children ?? []) credentialNodes(child, found);
  return found;
}

/**
 * Rewrites the string values of credential-named fields of a JSON document, leaving its formatting as written.
 * Returns null when the text is not JSON.
 */
export function rewriteJsonCredentials(json: string, rewrite: CredentialRewrite): string | null {
  const errors: ParseError[] = [];
  const tree = parseTree(json, errors, { disallowComments: true });
  if (!tree || errors.length > 0) return null;
  const edits = credentialNodes(tree, []).flatMap((node) => {
    const value = String(node.value);
    const next = rewrite({ place: pointerOf(node), value });
    return next === value ? [] : [{ node, text: JSON.stringify(next) }];
  });
  let out = json;
  // From the end, so that each edit leaves the offsets of the ones before it valid.
  for (const { node, text } of edits.reverse())
    out = `${out.slice(0, node.offset)}${text}${out.slice(node.offset + node.length)}`;
  return out;
}

/** A request body's credentials: the fields of a JSON body, else the parameters of a form-encoded one. */
export function rewriteBodyCredentials(body: string, rewrite: CredentialRewrite): string {
  return (
    rewriteJsonCredentials(body, rewrite) ??
    (/^[^\s=&]+=[^\s]*$/.test(body) ? rewriteFormCredentials(body, rewrite) : body)
  );
}

/** Every credential value written in a URL's query and a body: what redaction must look for. */
export function credentialValuesIn(url: string, body: string | null): string[] {
  const values: string[] = [];
  const collect: CredentialRewrite = ({ value }) => {
    values.push(value);
    return value;
  };
  rewriteUrlCredentials(url, collect);
  if (body !== null) rewriteBodyCredentials(body, collect);
  return values;
}
