import { useCallback, useEffect, useState } from 'react';
import type { ResolverError, ResolverResult } from '../../../../src/shared/contract';

export interface ResolverData<T> {
  data?: T;
  error?: ResolverError;
  loading: boolean;
  reload: () => void;
  /** Replace the data with a fresher copy a mutation returned, without another round trip. */
  setData: (data: T) => void;
}

/**
 * Loads one resolver result and reloads on demand. Data from the previous load stays visible
 * while reloading (and next to a reload error), so a refresh never blanks the page.
 * `load` must be stable (a module-level function or a memoised callback).
 */
export function useResolverData<T>(load: () => Promise<ResolverResult<T>>): ResolverData<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ResolverError>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    // Ignore answers that arrive after a newer load started or the component unmounted.
    let current = true;
    setLoading(true);
    void load().then((result) => {
      if (!current) return;
      if (result.ok) {
        setData(result.data);
        setError(undefined);
      } else {
        setError(result.error);
      }
      setLoading(false);
    });
    return () => {
      current = false;
    };
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
