// Polls an API call every few seconds while the page is shown (projector, progress), keeping the last answer.

import { useEffect, useRef, useState } from 'react';
import type { ApiProblem, ApiResult } from '../api/client.js';

/** The latest answer of `load`, asked again every `intervalMs` (paused while the tab is hidden). */
export function usePoll<T>(
  load: () => Promise<ApiResult<T>>,
  intervalMs: number,
  key: string,
): { data: T | undefined; problem: ApiProblem | null; refresh: () => void } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      if (document.visibilityState !== 'hidden') {
        const result = await loadRef.current();
        if (!live) return;
        if (result.ok) {
          setData(result.value);
          setProblem(null);
        } else setProblem(result.error);
      }
      if (live) timer = setTimeout(() => void run(), intervalMs);
    };
    void run();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [intervalMs, key, tick]);
  return { data, problem, refresh: () => setTick((n) => n + 1) };
}
