// How components reach the page's store: one App per page, given through context.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { App, AppState } from '../store/app';

export const AppContext = createContext<App | null>(null);

export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside AppContext');
  return app;
}

export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useApp().store, selector);
}
