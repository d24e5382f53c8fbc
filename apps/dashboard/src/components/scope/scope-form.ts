import type { AlertRule } from '@ihm/contracts';
import type { Category } from '@ihm/diagnosis';
import { splitList } from '../form/list-text';

type Scope = AlertRule['scope'];

/** A rule's or a silence's scope as its inputs hold it. */
export interface ScopeForm {
  integrationIds: string[];
  tags: string;
  categories: Category[];
}

export const EMPTY_SCOPE: ScopeForm = { integrationIds: [], tags: '', categories: [] };

export function fromScope(scope: Scope): ScopeForm {
  return {
    integrationIds: scope.integrationIds ?? [],
    tags: (scope.tags ?? []).join(', '),
    categories: scope.categories ?? [],
  };
}

/** The scope the API takes: only the lists that say something (an empty scope covers everything). */
export function toScope(form: ScopeForm): Scope {
  const tags = splitList(form.tags);
  return {
    ...(form.integrationIds.length > 0 ? { integrationIds: form.integrationIds } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(form.categories.length > 0 ? { categories: form.categories } : {}),
  };
}

/** The scope's error fields beside their inputs, list items named as the form shows them. */
export const SCOPE_FIELDS = ['scope.integrationIds', 'scope.tags', 'scope.categories'] as const;

export function scopeItemOf(
  form: ScopeForm,
  integrationName: (id: string) => string,
): (field: string, index: number) => string | undefined {
  return (field, index) => {
    if (field === 'scope.tags') return splitList(form.tags)[index];
    if (field === 'scope.integrationIds') {
      const id = form.integrationIds[index];
      return id === undefined ? undefined : integrationName(id);
    }
    return undefined;
  };
}
