import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient } from '../api/client.js';
import { initI18n } from '../i18n/index.js';
import { PublicApp } from './public-app.js';

// The public declaration pages (see main.tsx): the form, its receipt and the language, nothing of the console.
await initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <PublicApp client={new ApiClient()} />
  </StrictMode>,
);
