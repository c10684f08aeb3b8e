// How components reach the page's store: one App per page, given through context.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { App, AppState } from '../store/app';
import type { Tutorial, TutorialState } from '../store/tutorial';

export const AppContext = createContext<App | null>(null);

export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside AppContext');
  return app;
}

export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useApp().store, selector);
}

/** The course, once the page has one. */
export function useTutorial(): Tutorial | undefined {
  return useApp().tutorial;
}

const noTutorial = createStore<TutorialState | undefined>()(() => undefined);

/** A value from the course's store; `fallback` while there is no course. */
export function useTutorialState<T>(selector: (state: TutorialState) => T, fallback: T): T {
  const tutorial = useTutorial();
  return useStore((tutorial?.store ?? noTutorial) as StoreApi<TutorialState | undefined>, (s) =>
    s ? selector(s) : fallback,
  );
}
