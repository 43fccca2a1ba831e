import { useEffect, useState } from 'react';
import { ApiError } from './api.js';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; data: T };

/** Runs `load` whenever `key` changes; answers that arrive after a newer request are dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setResult((r) => (r.state === 'ready' ? r : { state: 'loading' }));
    load().then(
      (data) => current && setResult({ state: 'ready', data }),
      (e: unknown) =>
        current &&
        setResult({
          state: 'error',
          error:
            e instanceof ApiError ? e : new ApiError(0, 'CLIENT', e instanceof Error ? e.message : String(e)),
        }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return result;
}

/** Sets the page title. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · cyberclaims` : 'cyberclaims';
  }, [title]);
}
