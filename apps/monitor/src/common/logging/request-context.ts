import { AsyncLocalStorage } from 'node:async_hooks';

/** What every line logged while handling a request says about it: filled in as the request is handled. */
export interface RequestContext {
  reqId: string;
  /** Who sent it (`user:<id>`, `token:<id>`, `API_TOKEN`), once the guard has authenticated them. */
  caller?: string;
  integrationId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const currentRequestContext = (): RequestContext | undefined => storage.getStore();

export function runInRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}
