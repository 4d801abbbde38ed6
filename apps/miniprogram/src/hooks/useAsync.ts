import { DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { ApiError } from '@redvest/api-client';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True only while nothing has been loaded yet (first load or retry after an error). */
  loading: boolean;
  /** Loads again; keeps showing the old data meanwhile. Resolves when done, never rejects. */
  reload: () => Promise<void>;
  /** Replaces the data after a local change (e.g. an item approved). */
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : String(error));
}

/** Runs `load` on mount and whenever `deps` change; answers are applied only if still current. */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: { skip?: boolean } = {},
): AsyncState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(!options.skip);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const hasData = useRef(false);

  const reload = useCallback(async () => {
    const current = ++generation.current;
    if (!hasData.current) setLoading(true);
    try {
      const result = await loadRef.current();
      if (current !== generation.current) return;
      hasData.current = true;
      setDataState(result);
      setError(undefined);
    } catch (caught) {
      if (current !== generation.current) return;
      setError(toApiError(caught));
    } finally {
      if (current === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (options.skip) return;
    hasData.current = false;
    void reload();
  }, [...deps, options.skip]);

  const setData = useCallback(
    (update: (current: T | undefined) => T | undefined) => setDataState(update),
    [],
  );
  return { data, error, loading, reload, setData };
}

/** Pull-to-refresh (the page config needs `enablePullDownRefresh: true`): reloads, then folds the spinner away. */
export function usePullToRefresh(reload: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
}

/** Runs `action` when the page is shown again (back from another page), not on the first show: the mount loads. */
export function useShownAgain(action: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) action();
    shown.current = true;
  });
}
