import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context.js';

/** How often the badge asks for the unread count: reminders come from a job, not from the reader's own actions. */
const REFRESH_MS = 60_000;

export function useUnreadCount(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: async () => (await api.notifications(undefined, true)).unread,
    enabled,
    refetchInterval: REFRESH_MS,
  });
}

export function useMarkRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[] | 'all') => api.markNotificationsRead(ids),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
