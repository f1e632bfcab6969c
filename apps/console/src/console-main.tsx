import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiProvider } from './api/api-context.js';
import { bluezoneApi } from './api/bluezone-api.js';
import { ApiClient, isApiError } from './api/client.js';
import { App } from './app.js';
import { SESSION_KEY } from './auth/session.js';
import { initI18n } from './i18n/index.js';

// The officials' console; main.tsx loads it for every page but the public declaration pages.
const client = new ApiClient();
const api = bluezoneApi(client);

// A session that ended on the server (expired, user disabled) sends every screen back to sign-in.
function onSessionLost(error: unknown) {
  if (isApiError(error) && error.code === 'unauthenticated') {
    client.setCsrfToken(null);
    queryClient.setQueryData(SESSION_KEY, null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] !== SESSION_KEY[0]) onSessionLost(error);
    },
  }),
  // A failed sign-in is invalid_credentials, never unauthenticated, so it does not come through here.
  mutationCache: new MutationCache({ onError: onSessionLost }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying cannot fix a refusal; only a failure to reach the server is worth a second try.
      retry: (count, error) => count < 2 && isApiError(error) && (error.status === 0 || error.status >= 500),
    },
  },
});

await initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ApiProvider value={{ client, api }}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </ApiProvider>
    </QueryClientProvider>
  </StrictMode>,
);
