'use client';

import type { ImportedApi, ImportedOperation, Integration, ProbeResult } from '@ihm/contracts';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { ActionResult } from '../../lib/action-result';
import { distinctName, integrationFromOperation, type ImportChoices } from '../../lib/openapi-import';

export interface OpenApiImportWizardProps {
  read(request: { url?: string; document?: string }): Promise<ActionResult<ImportedApi>>;
  test(request: Record<string, unknown>, basedOn: null): Promise<ActionResult<ProbeResult>>;
  save(request: Record<string, unknown>): Promise<ActionResult<Integration>>;
}

type Done = { ok: true; integration: Integration } | { ok: false; message: string };
type Tested = { ok: true; result: ProbeResult } | { ok: false; message: string };

const keyOf = (operation: ImportedOperation) => `${operation.method} ${operation.path}`;

/** A server action that did not answer (network, a redeployed dashboard): said like a refusal, so nothing sticks. */
const UNREACHABLE = {
  ok: false as const,
  message: 'The dashboard could not reach its server: try again.',
  fieldErrors: [],
};

/**
 * Import from a provider's OpenAPI document: read it (URL or text), pick the base URL and the auth scheme, choose
 * operations by tag (searchable), fill in their path parameters, Test any, and register the chosen ones, each
 * with its method, URL, expected status and response schema.
 */
export function OpenApiImportWizard({ read, test, save }: OpenApiImportWizardProps) {
  const [source, setSource] = useState({ url: '', document: '' });
  const [reading, setReading] = useState<string | null>(null);
  const [api, setApi] = useState<ImportedApi | null>(null);
  const [baseUrl, setBaseUrl] = useState('');
  const [schemeName, setSchemeName] = useState('');
  const [secret, setSecret] = useState('');
  const [username, setUsername] = useState('');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [parameters, setParameters] = useState<Record<string, Record<string, string>>>({});
  const [tested, setTested] = useState<Record<string, Tested>>({});
  const [done, setDone] = useState<Record<string, Done>>({});
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setReading('Reading the document…');
    const result = await read(
      source.url.trim() ? { url: source.url.trim() } : { document: source.document },
    ).catch(() => UNREACHABLE);
    if (!result.ok) {
      setReading(result.fieldErrors[0]?.message ?? result.message);
      return;
    }
    setReading(null);
    setApi(result.value);
    setBaseUrl(result.value.servers[0] ?? '');
    setSchemeName('');
    setChosen(new Set());
    setTested({});
    setDone({});
  };

  const groups = useMemo(() => {
    if (!api) return [];
    const words = search.trim().toLowerCase();
    const byTag = new Map<string, ImportedOperation[]>();
    for (const operation of api.operations) {
      const haystack =
        `${operation.id} ${operation.method} ${operation.path} ${operation.summary}`.toLowerCase();
      if (words && !haystack.includes(words)) continue;
      byTag.set(operation.tag, [...(byTag.get(operation.tag) ?? []), operation]);
    }
    return [...byTag];
  }, [api, search]);

  if (!api)
    return (
      <section className="panel stack" aria-labelledby="import-source">
        <h2 id="import-source">The document</h2>
        <div className="form-field">
          <label htmlFor="import-url">URL of an OpenAPI 3.0/3.1 or Swagger 2.0 document</label>
          <input
            id="import-url"
            type="url"
            value={source.url}
            placeholder="https://api.example.com/openapi.json"
            onChange={(event) => setSource({ ...source, url: event.target.value })}
          />
        </div>
        <div className="form-field wide">
          <label htmlFor="import-text">…or its text (JSON or YAML)</label>
          <textarea
            id="import-text"
            className="code"
            rows={6}
            value={source.document}
            onChange={(event) => setSource({ ...source, document: event.target.value })}
          />
        </div>
        <div className="row">
          <button type="button" className="button primary" onClick={() => void load()}>
            Read the document
          </button>
          <span role="status" className="muted">
            {reading}
          </span>
        </div>
      </section>
    );

  const scheme = api.securitySchemes.find((candidate) => candidate.name === schemeName) ?? null;
  const choicesFor = (operation: ImportedOperation): ImportChoices => ({
    baseUrl,
    scheme,
    secret,
    username,
    parameters: parameters[keyOf(operation)] ?? {},
  });
  const outcomeOf = (operation: ImportedOperation) =>
    integrationFromOperation(api, operation, choicesFor(operation));
  const selected = api.operations.filter((operation) => chosen.has(keyOf(operation)));
  const toggle = (operation: ImportedOperation) => {
    const next = new Set(chosen);
    if (!next.delete(keyOf(operation))) next.add(keyOf(operation));
    setChosen(next);
  };

  const testOne = async (operation: ImportedOperation) => {
    const outcome = outcomeOf(operation);
    if (!outcome.ok)
      return setTested({ ...tested, [keyOf(operation)]: { ok: false, message: outcome.problem } });
    const result = await test(outcome.request as Record<string, unknown>, null).catch(() => UNREACHABLE);
    setTested((now) => ({
      ...now,
      [keyOf(operation)]: result.ok
        ? { ok: true, result: result.value }
        : { ok: false, message: result.message },
    }));
  };

  /** Registers the chosen operations not registered yet; names stay distinct within the import. */
  const registerAll = async () => {
    setBusy(true);
    const next: Record<string, Done> = { ...done };
    const taken = new Set(Object.values(done).flatMap((entry) => (entry.ok ? [entry.integration.name] : [])));
    try {
      for (const operation of selected) {
        if (next[keyOf(operation)]?.ok) continue;
        const outcome = outcomeOf(operation);
        if (!outcome.ok) {
          next[keyOf(operation)] = { ok: false, message: outcome.problem };
          continue;
        }
        const name = distinctName(outcome.request.name, operation, taken);
        taken.add(name);
        const saved = await save({ ...outcome.request, name }).catch(() => UNREACHABLE);
        next[keyOf(operation)] = saved.ok
          ? { ok: true, integration: saved.value }
          : {
              ok: false,
              message: saved.fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ') || saved.message,
            };
      }
    } finally {
      setDone(next);
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <section className="panel stack" aria-labelledby="import-api">
        <h2 id="import-api">
          {api.title} <span className="muted">{api.version}</span>
        </h2>
        <p className="muted">
          {api.operations.length} operations ({api.dialect}).{' '}
          <button type="button" className="button ghost" onClick={() => setApi(null)}>
            Read another document
          </button>
        </p>
        <div className="form-grid">
          <div className="form-field">
            <label htmlFor="import-base">Base URL</label>
            <input
              id="import-base"
              list="import-servers"
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
            />
            <datalist id="import-servers">
              {api.servers.map((server) => (
                <option key={server} value={server} />
              ))}
            </datalist>
          </div>
          <div className="form-field">
            <label htmlFor="import-scheme">Authentication</label>
            <select id="import-scheme" value={schemeName} onChange={(e) => setSchemeName(e.target.value)}>
              <option value="">None</option>
              {api.securitySchemes.map((candidate) => (
                <option key={candidate.name} value={candidate.name}>
                  {candidate.name} ({candidate.type}
                  {candidate.scheme ? ` ${candidate.scheme}` : candidate.in ? ` in ${candidate.in}` : ''})
                </option>
              ))}
            </select>
          </div>
          {(scheme?.type === 'http' && scheme.scheme === 'basic') || scheme?.clientCredentials ? (
            <div className="form-field">
              <label htmlFor="import-username">{scheme.clientCredentials ? 'Client id' : 'Username'}</label>
              <input
                id="import-username"
                value={username}
                autoComplete="off"
                onChange={(e) => setUsername(e.target.value)}
              />
            </div>
          ) : null}
          {scheme ? (
            <div className="form-field">
              <label htmlFor="import-secret">
                {scheme.type === 'apiKey'
                  ? `Key (${scheme.parameter ?? 'value'})`
                  : scheme.scheme === 'basic'
                    ? 'Password'
                    : scheme.clientCredentials
                      ? 'Client secret'
                      : 'Token'}
              </label>
              <input
                id="import-secret"
                type="password"
                value={secret}
                autoComplete="off"
                onChange={(e) => setSecret(e.target.value)}
              />
            </div>
          ) : null}
        </div>
      </section>

      <section className="panel stack" aria-labelledby="import-operations">
        <div className="row">
          <h2 id="import-operations">Operations</h2>
          <span className="spacer" />
          <label htmlFor="import-search" className="visually-hidden">
            Search the operations
          </label>
          <input
            id="import-search"
            type="search"
            placeholder="Search: id, path, summary"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        {groups.map(([tag, operations]) => (
          <fieldset key={tag} className="import-tag">
            <legend>
              {tag} <span className="muted">({operations.length})</span>
            </legend>
            {operations.map((operation) => {
              const key = keyOf(operation);
              const check = tested[key];
              const saved = done[key];
              return (
                <div key={key} className="import-operation">
                  <label className="row">
                    <input type="checkbox" checked={chosen.has(key)} onChange={() => toggle(operation)} />
                    <span className={`api-method api-method-${operation.method.toLowerCase()}`}>
                      {operation.method}
                    </span>
                    <code>{operation.path}</code>
                    <span className="muted">{operation.summary}</span>
                  </label>
                  {chosen.has(key) ? (
                    <div className="import-operation-details stack">
                      <p className="muted">
                        Expects {operation.expectedStatus ?? 'any 2xx'};{' '}
                        {operation.responseSchema
                          ? 'the answer is checked against its schema'
                          : (operation.note ?? 'no schema')}
                        .
                      </p>
                      {operation.pathParameters.map((name) => (
                        <div key={name} className="form-field">
                          <label htmlFor={`${operation.id}-${name}`}>{`{${name}}`}</label>
                          <input
                            id={`${operation.id}-${name}`}
                            value={parameters[key]?.[name] ?? ''}
                            onChange={(e) =>
                              setParameters({
                                ...parameters,
                                [key]: { ...parameters[key], [name]: e.target.value },
                              })
                            }
                          />
                        </div>
                      ))}
                      <div className="row">
                        <button type="button" className="button" onClick={() => void testOne(operation)}>
                          Test {operation.id}
                        </button>
                        <span role="status">
                          {check
                            ? check.ok
                              ? `${check.result.status.toUpperCase()}: ${check.result.message}${check.result.schemaErrors.length > 0 ? ` (${check.result.schemaErrors.length} schema error(s))` : ''}`
                              : check.message
                            : null}
                        </span>
                      </div>
                      {saved ? (
                        saved.ok ? (
                          <p>
                            Registered:{' '}
                            <Link href={`/integrations/${saved.integration.id}`}>
                              {saved.integration.name}
                            </Link>
                          </p>
                        ) : (
                          <p className="field-error">{saved.message}</p>
                        )
                      ) : null}
                    </div>
                  ) : null}
                </div>
              );
            })}
          </fieldset>
        ))}
        <div className="row">
          <button
            type="button"
            className="button primary"
            aria-disabled={busy || selected.length === 0}
            onClick={() => {
              if (!busy && selected.length > 0) void registerAll();
            }}
          >
            Register {selected.length} integration{selected.length === 1 ? '' : 's'}
          </button>
          <span role="status" className="muted">
            {busy ? 'Registering…' : null}
          </span>
        </div>
      </section>
    </div>
  );
}
