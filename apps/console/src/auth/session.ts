import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiContext } from '../api/api-context.js';
import { isApiError } from '../api/client.js';
import type { Locale, Session } from '../api/types.js';
import { applyLocale } from '../i18n/index.js';

export const SESSION_KEY = ['session'] as const;

/** The signed-in session, or null when the server says there is none (401). */
export function useSession() {
  const { api, client } = useApiContext();
  return useQuery<Session | null>({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      try {
        const session = await api.me();
        client.setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (isApiError(error) && error.status === 401) {
          client.setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

export function useCurrentUser() {
  const user = useSession().data?.user;
  if (!user) throw new Error('useCurrentUser needs a signed-in session');
  return user;
}

export function useLogin() {
  const { api, client } = useApiContext();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => api.login(username, password),
    onSuccess: async (session) => {
      client.setCsrfToken(session.csrfToken);
      await applyLocale(session.user.locale);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useLogout() {
  const { api, client } = useApiContext();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.logout(),
    onSettled: () => {
      // Forget everything the previous user could see, whether or not the server answered.
      // The session query keeps its observers (clear() would orphan them); everything else is dropped.
      client.setCsrfToken(null);
      queryClient.setQueryData(SESSION_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    },
  });
}

/** Switches the language now, and remembers it for the signed-in user on the server. */
export function useChangeLocale() {
  const { api } = useApiContext();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      await applyLocale(locale);
      const session = queryClient.getQueryData<Session | null>(SESSION_KEY);
      if (!session) return;
      const { user } = await api.setLocale(locale);
      queryClient.setQueryData<Session | null>(SESSION_KEY, (old) => (old ? { ...old, user } : old));
    },
  });
}
