import { createContext, useContext, type ReactNode } from 'react';
import type { BluezoneApi } from './bluezone-api.js';
import type { ApiClient } from './client.js';

interface ApiContextValue {
  client: ApiClient;
  api: BluezoneApi;
}

const ApiContext = createContext<ApiContextValue | null>(null);

export function ApiProvider({ value, children }: { value: ApiContextValue; children: ReactNode }) {
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi must be used inside <ApiProvider>');
  return value;
}

export function useApi(): BluezoneApi {
  return useApiContext().api;
}
