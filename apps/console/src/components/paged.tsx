import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/types.js';

/**
 * A keyset-paged list: the first page at once, the next ones when asked for, each with the previous page's cursor.
 * `items` holds every row loaded so far, in the server's order.
 */
export function usePagedQuery<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined) => Promise<Page<T>>, enabled = true) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  const items = query.data ? query.data.pages.flatMap((page) => page.items) : [];
  return { ...query, items };
}

interface PagedQuery {
  items: readonly unknown[];
  data?: { pages: readonly unknown[] } | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * "Load more" under a paged list: one big button, easy on a phone, that also keeps the place of what was read.
 * When the last page arrives the button goes, and focus moves to the line saying so rather than to nowhere.
 */
export function LoadMore({ query }: { query: PagedQuery }) {
  const { t } = useTranslation();
  const status = useRef<HTMLParagraphElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current && !query.hasNextPage && !query.isFetchingNextPage) {
      asked.current = false;
      status.current?.focus();
    }
  }, [query.hasNextPage, query.isFetchingNextPage]);
  // A list that fits one page needs no word about paging.
  if (!query.data || query.items.length === 0 || (query.data.pages.length === 1 && !query.hasNextPage)) return null;
  return (
    <div className="load-more">
      <p className="muted" ref={status} tabIndex={-1} aria-live="polite">
        {query.hasNextPage ? t('paging.shown', { count: query.items.length }) : t('paging.allShown', { count: query.items.length })}
      </p>
      {query.hasNextPage ? (
        <button
          type="button"
          className="button-secondary"
          disabled={query.isFetchingNextPage}
          onClick={() => {
            asked.current = true;
            void query.fetchNextPage();
          }}
        >
          {query.isFetchingNextPage ? t('common.loading') : t('paging.more')}
        </button>
      ) : null}
    </div>
  );
}
