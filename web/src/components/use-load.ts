// Loads data from the API for a screen: the value, the problem, and a reload function.

import { useCallback, useEffect, useState } from 'react';
import type { ApiProblem, ApiResult } from '../api/client.js';

/** The state of a load. */
export interface Loaded<T> {
  readonly data: T | undefined;
  readonly problem: ApiProblem | null;
  readonly reload: () => void;
}

/** Calls `load` on mount and whenever `key` changes; `reload()` calls it again. */
export function useLoad<T>(load: () => Promise<ApiResult<T>>, key: string): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [tick, setTick] = useState(0);
  // `key` names what `load` depends on: a new key loads again, a new closure with the same key does not.
  const stable = useCallback(load, [key]);
  useEffect(() => {
    let live = true;
    void stable().then((result) => {
      if (!live) return;
      if (result.ok) {
        setData(result.value);
        setProblem(null);
      } else setProblem(result.error);
    });
    return () => {
      live = false;
    };
  }, [stable, tick]);
  return { data, problem, reload: () => setTick((n) => n + 1) };
}
