'use client';

import { OVERVIEW_GROUPS } from '@ihm/contracts';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { groupLabel } from '../../lib/group-label';
import { overviewHref, type OverviewParams } from '../../lib/overview-params';

const SEARCH_DEBOUNCE_MS = 250;

/** Search and filters live in the URL: shareable, and the server renders the filtered page. */
export function FilterBar({ params, tags }: { params: OverviewParams; tags: readonly string[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [search, setSearch] = useState(params.q ?? '');
  // The search this box last put in the URL, and the one the URL had at the last render: a new `q` that this
  // box did not send (a "Clear filters" link, Back) replaces what the box shows; its own echo does not.
  const [sentQ, setSentQ] = useState(params.q);
  const [renderedQ, setRenderedQ] = useState(params.q);
  if (params.q !== renderedQ) {
    setRenderedQ(params.q);
    if (params.q !== sentQ) setSearch(params.q ?? '');
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const go = (changes: OverviewParams) =>
    startTransition(() => router.replace(overviewHref(params, changes), { scroll: false }));

  useEffect(() => () => clearTimeout(timer.current), []);

  const onSearch = (value: string) => {
    setSearch(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const q = value.trim() || undefined;
      setSentQ(q);
      go({ q });
    }, SEARCH_DEBOUNCE_MS);
  };

  const filtered = Boolean(params.q || params.tag || params.status || params.group || params.paused);

  return (
    <div className="filters" role="search" aria-busy={pending}>
      <label>
        Search by name
        <input
          type="search"
          value={search}
          placeholder="e.g. billing"
          onChange={(e) => onSearch(e.target.value)}
        />
      </label>
      <label>
        Status
        <select value={params.status ?? ''} onChange={(e) => go({ status: e.target.value || undefined })}>
          <option value="">Any status</option>
          <option value="down">Down</option>
          <option value="degraded">Degraded</option>
          <option value="up">Up</option>
          <option value="pending">Not probed yet</option>
        </select>
      </label>
      <label>
        Category
        <select value={params.group ?? ''} onChange={(e) => go({ group: e.target.value || undefined })}>
          <option value="">Any category</option>
          {OVERVIEW_GROUPS.map((group) => (
            <option key={group} value={group}>
              {groupLabel(group)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag
        <select value={params.tag ?? ''} onChange={(e) => go({ tag: e.target.value || undefined })}>
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        Schedule
        <select value={params.paused ?? ''} onChange={(e) => go({ paused: e.target.value || undefined })}>
          <option value="">Active and paused</option>
          <option value="false">Active only</option>
          <option value="true">Paused only</option>
        </select>
      </label>
      {filtered ? (
        <button
          type="button"
          className="button ghost"
          onClick={() => {
            setSearch('');
            startTransition(() => router.replace('/', { scroll: false }));
          }}
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
