'use client';

import { createContext } from 'react';

/** Compiles a JSON Schema (on the dashboard's server): null, or why it does not compile. */
export type CompileCheck = (schema: Record<string, unknown>) => Promise<string | null>;

/** The form's compile check, for every schema editor in it; without one, schemas stay unchecked until saved. */
export const SchemaCompileCheck = createContext<CompileCheck>(() =>
  Promise.reject(new Error('no compile check')),
);
