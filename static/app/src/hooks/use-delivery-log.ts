import { useCallback, useEffect, useState } from 'react';
import type { DeliveryFilter, DeliveryView, ResolverError } from '../../../../src/shared/contract';
import type { DeliverySource } from '../api/delivery-source';

/** The filters an admin sets; paging (`cursor`, `limit`) is the hook's business. */
export type LogFilter = Omit<DeliveryFilter, 'cursor' | 'limit'>;

export const PAGE_SIZE = 20;

export interface DeliveryLog {
  deliveries?: DeliveryView[];
  error?: ResolverError;
  /** True while the first page for the current filter loads. */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Puts a fresher copy of one delivery (e.g. after Redeliver) in its row. */
  replace: (delivery: DeliveryView) => void;
}

const sameDelivery = (a: DeliveryView, b: DeliveryView): boolean => a.eventId === b.eventId && a.connectionId === b.connectionId;

/**
 * Cursor pagination with "Load more": pages are appended, so the cursor always continues the list on
 * screen. A new filter (or Refresh) starts again from the first page; answers to an older request are dropped.
 */
export function useDeliveryLog(source: DeliverySource, filter: LogFilter): DeliveryLog {
  const [deliveries, setDeliveries] = useState<DeliveryView[]>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<ResolverError>();
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    void source.list({ ...filter, limit: PAGE_SIZE }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setDeliveries(result.data.deliveries);
        setCursor(result.data.nextCursor);
        setError(undefined);
      } else {
        setError(result.error);
      }
      setLoading(false);
    });
    return () => {
      current = false;
    };
  }, [source, filter, generation]);

  const loadMore = useCallback(() => {
    if (!cursor) return;
    setLoadingMore(true);
    void source.list({ ...filter, limit: PAGE_SIZE, cursor }).then((result) => {
      if (result.ok) {
        setDeliveries((previous) => [...(previous ?? []), ...result.data.deliveries]);
        setCursor(result.data.nextCursor);
        setError(undefined);
      } else {
        setError(result.error);
      }
      setLoadingMore(false);
    });
  }, [source, filter, cursor]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const replace = useCallback((delivery: DeliveryView) => {
    setDeliveries((previous) => previous?.map((row) => (sameDelivery(row, delivery) ? delivery : row)));
  }, []);

  return { deliveries, error, loading, loadingMore, hasMore: cursor !== undefined, loadMore, reload, replace };
}
