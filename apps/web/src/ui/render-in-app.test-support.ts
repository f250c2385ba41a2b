import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createElement, type ReactElement } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { ApiProvider } from '../api/api-context.tsx';
import { I18nProvider } from '../i18n/i18n-context.tsx';

/**
 * Renders a component with the app's providers in English, over an API that answers every GET with
 * `answers[path prefix]` (or an empty page) and records every write.
 */
export const renderInApp = (element: ReactElement, answers: Record<string, unknown> = {}) => {
  // happy-dom has no FontFaceSet; Mantine's autosize textarea listens to it.
  if (document.fonts === undefined) Object.defineProperty(document, 'fonts', { value: new EventTarget() });
  window.localStorage.setItem('ascolta.uiLanguage', 'en');
  const writes: { method: string; path: string; body: unknown }[] = [];
  const api: ApiClient = {
    get: async <T>(path: string) => {
      const match = Object.keys(answers).find((prefix) => path.startsWith(prefix));
      return (match === undefined ? { items: [], nextCursor: null } : answers[match]) as T;
    },
    send: async <T>(method: string, path: string, body?: unknown) => {
      writes.push({ method, path, body });
      return {} as T;
    },
    setCsrfToken: () => undefined,
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    createElement(
      MantineProvider,
      null,
      createElement(
        I18nProvider,
        null,
        createElement(
          ApiProvider,
          { client: api },
          createElement(QueryClientProvider, { client: queryClient }, element),
        ),
      ),
    ),
  );
  return { ...view, writes };
};
