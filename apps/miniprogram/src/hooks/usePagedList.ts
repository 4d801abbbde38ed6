import { DependencyList, useCallback, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { Page as ContractPage } from '@redvest/contract';
import { AsyncState, toApiError, useAsync, usePullToRefresh } from './useAsync';
import { showToast } from '../services/toast';

export interface PagedList<T> extends AsyncState<ContractPage<T>> {
  items: T[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => Promise<void>;
  /** Changes the loaded items in place (an item approved, its roles changed, …). */
  updateItems: (update: (items: T[]) => T[]) => void;
}

/**
 * A cursor-paged list (`{items, nextCursor}`): the first page on mount and on pull-down, the next one when the
 * user reaches the bottom. With `skip` nothing loads (e.g. until the page knows which community to show).
 */
export function usePagedList<T>(
  loadPage: (cursor?: string) => Promise<ContractPage<T>>,
  deps: DependencyList,
  options: { skip?: boolean } = {},
): PagedList<T> {
  const state = useAsync(() => loadPage(), deps, options);
  const [loadingMore, setLoadingMore] = useState(false);
  const loadPageRef = useRef(loadPage);
  loadPageRef.current = loadPage;
  const { data, setData } = state;

  const loadMore = useCallback(async () => {
    if (!data?.nextCursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const next = await loadPageRef.current(data.nextCursor);
      setData((current) => ({
        items: [...(current?.items ?? []), ...next.items],
        nextCursor: next.nextCursor,
      }));
    } catch (error) {
      void showToast({ title: toApiError(error).message, icon: 'none' });
    } finally {
      setLoadingMore(false);
    }
  }, [data, loadingMore, setData]);

  const updateItems = useCallback(
    (update: (items: T[]) => T[]) =>
      setData((current) => (current ? { ...current, items: update(current.items) } : current)),
    [setData],
  );

  const skip = Boolean(options.skip);
  const refresh = useCallback(() => (skip ? Promise.resolve() : state.reload()), [skip, state.reload]);
  usePullToRefresh(refresh);
  useReachBottom(() => void loadMore());

  return {
    ...state,
    reload: refresh,
    items: data?.items ?? [],
    hasMore: Boolean(data?.nextCursor),
    loadingMore,
    loadMore,
    updateItems,
  };
}
