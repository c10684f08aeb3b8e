// The page: the lesson, the terminal and the declarative diff side by side, timeline and cluster
// view below, each pane resizable and each behind its own error boundary. The terminal comes
// first; the other panes arrive with the simulator (`app` is null until then).
import {
  lazy,
  Suspense,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type CSSProperties,
  type ReactNode,
} from 'react';
import type { App as AppApi, AppState } from '../store/app';
import type { DeferredHost } from '../store/deferred';
import type { ThemeChoice } from '../store/params';
import { ErrorBoundary } from './ErrorBoundary';
import { Splitter } from './Splitter';
import { Terminal } from './Terminal';

const panes = () => import('./Panes');
const Toolbar = lazy(() => panes().then((m) => ({ default: m.Toolbar })));
const DiffSlot = lazy(() => panes().then((m) => ({ default: m.DiffSlot })));
const TimelinePane = lazy(() => panes().then((m) => ({ default: m.TimelinePane })));
const ClusterSlot = lazy(() => panes().then((m) => ({ default: m.ClusterSlot })));
const LessonSlot = lazy(() => panes().then((m) => ({ default: m.LessonSlot })));

interface PageProps {
  app: AppApi | null;
  /** The terminal's host from the first paint on; it stands for the session once it exists. */
  host: DeferredHost;
  initial: { theme: ThemeChoice; fontSize: number };
}

const noSubscription = () => () => {};

const LAYOUT_KEY = 'gitops-explained:layout';

interface Layout {
  /** The terminal's share of the terminal and manifests (percent). */
  columns: number;
  /** The top row's share of the page's height (percent). */
  rows: number;
  /** The lesson's share of the top row's width (percent). */
  lesson: number;
  /** Whether the lesson panel is shown or folded away. */
  lessonOpen: boolean;
}

const DEFAULT_LAYOUT: Layout = { columns: 55, rows: 58, lesson: 30, lessonOpen: true };

/**
 * Where the splitters were left (percentages) and whether the lesson is shown, kept apart from
 * the session: Reset keeps it. A record from before a field existed gets that field's default.
 */
function savedLayout(): Layout {
  try {
    const v = JSON.parse(localStorage.getItem(LAYOUT_KEY) ?? 'null') as unknown;
    const { columns, rows, lesson, lessonOpen } = (v ?? {}) as Partial<
      Record<keyof Layout, unknown>
    >;
    const ok = (n: unknown): n is number => typeof n === 'number' && n >= 15 && n <= 85;
    return {
      columns: ok(columns) ? columns : DEFAULT_LAYOUT.columns,
      rows: ok(rows) ? rows : DEFAULT_LAYOUT.rows,
      lesson: ok(lesson) ? lesson : DEFAULT_LAYOUT.lesson,
      lessonOpen: typeof lessonOpen === 'boolean' ? lessonOpen : DEFAULT_LAYOUT.lessonOpen,
    };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

/** A value from the store once there is one, `fallback` before. */
function useMaybe<T>(app: AppApi | null, select: (s: AppState) => T, fallback: T): T {
  return useSyncExternalStore(app ? app.store.subscribe : noSubscription, () =>
    app ? select(app.store.getState()) : fallback,
  );
}

export function Page({ app, host, initial }: PageProps) {
  const [initialLayout] = useState(savedLayout);
  const [columns, setColumns] = useState(initialLayout.columns);
  const [rows, setRows] = useState(initialLayout.rows);
  const [lesson, setLesson] = useState(initialLayout.lesson);
  const [lessonOpen, setLessonOpen] = useState(initialLayout.lessonOpen);
  const top = useRef<HTMLDivElement>(null);
  /** The lesson was just shown or hidden by its button: focus goes to the button that undoes it. */
  const toggled = useRef(false);
  const toggleLesson = (open: boolean) => {
    toggled.current = true;
    setLessonOpen(open);
  };
  useEffect(() => {
    if (!toggled.current) return;
    toggled.current = false;
    top.current
      ?.querySelector<HTMLElement>(lessonOpen ? '.lesson-hide' : '.lesson-rail button')
      ?.focus();
  }, [lessonOpen]);
  useEffect(() => {
    try {
      const layout: Layout = { columns, rows, lesson, lessonOpen };
      localStorage.setItem(LAYOUT_KEY, JSON.stringify(layout));
    } catch {
      // Storage may be full or forbidden (a sandboxed frame): the layout is then not kept.
    }
  }, [columns, rows, lesson, lessonOpen]);
  const theme = useResolvedTheme(useMaybe(app, (s) => s.theme, initial.theme));
  const fontSize = useMaybe(app, (s) => s.fontSize, initial.fontSize);
  const live = useMaybe(app, (s) => s.live, null);
  const notice = useMaybe(app, (s) => s.notice, undefined);
  // After Reset the terminal starts over with the fresh session itself.
  const terminalHost = !live || live === host.target ? host : live;
  const reset = () => (app ? void app.reset() : window.location.reload());

  // Before the first paint, so that the page never flashes the other theme.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.setProperty('--font-size', `${fontSize}px`);
  }, [theme, fontSize]);

  const slot = (node: ReactNode, testId: string, label: string) =>
    app ? (
      <Suspense fallback={<Placeholder testId={testId} label={label} />}>{node}</Suspense>
    ) : (
      <Placeholder testId={testId} label={label} />
    );

  return (
    <div className="app">
      {app ? (
        <Suspense fallback={<Header />}>
          <Toolbar />
        </Suspense>
      ) : (
        <Header />
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <main
        className="layout"
        style={
          {
            '--columns': `${columns}%`,
            '--rows': `${rows}%`,
            '--lesson': `${lesson}%`,
          } as CSSProperties
        }
      >
        {/* Each child keeps its place whether the lesson is shown or not: the terminal is never
            remounted by folding the lesson. */}
        <div ref={top} className={lessonOpen ? 'top' : 'top lesson-closed'}>
          {lessonOpen ? (
            <ErrorBoundary name="the lesson" onReset={reset}>
              {slot(<LessonSlot onHide={() => toggleLesson(false)} />, 'lesson', 'Lesson')}
            </ErrorBoundary>
          ) : (
            <div className="lesson-rail">
              <button
                type="button"
                aria-expanded="false"
                title="Show the lesson panel"
                onClick={() => toggleLesson(true)}
              >
                Show lesson
              </button>
            </div>
          )}
          {lessonOpen && (
            <Splitter
              orientation="vertical"
              label="Resize lesson and terminal"
              value={lesson}
              onChange={setLesson}
            />
          )}
          <div className="work">
            <ErrorBoundary name="the terminal" onReset={reset}>
              <Terminal
                key={hostId(terminalHost)}
                host={terminalHost}
                theme={theme}
                fontSize={fontSize}
              />
            </ErrorBoundary>
            <Splitter
              orientation="vertical"
              label="Resize terminal and manifests"
              value={columns}
              onChange={setColumns}
            />
            <ErrorBoundary name="the manifests pane" onReset={reset}>
              {slot(
                <DiffSlot theme={theme} fontSize={fontSize} />,
                'manifest-diff',
                'Declarative diff',
              )}
            </ErrorBoundary>
          </div>
        </div>
        <Splitter
          orientation="horizontal"
          label="Resize top and bottom panes"
          value={rows}
          onChange={setRows}
        />
        <div className="bottom">
          <ErrorBoundary name="the timeline" onReset={reset}>
            {slot(<TimelinePane />, 'timeline', 'Timeline')}
          </ErrorBoundary>
          <ErrorBoundary name="the cluster view" onReset={reset}>
            {slot(<ClusterSlot />, 'cluster-view', 'Cluster')}
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}

function Header() {
  return (
    <header className="toolbar">
      <h1>GitOps Explained</h1>
      <span className="save-state">Starting the cluster…</span>
    </header>
  );
}

function Placeholder({ testId, label }: { testId: string; label: string }) {
  return (
    <section data-testid={testId} className="pane" aria-label={label} aria-busy="true">
      <p className="hint">Loading…</p>
    </section>
  );
}

const ids = new WeakMap<object, number>();
let nextHostId = 0;
/** A fresh terminal for a fresh session (after Reset). */
function hostId(host: object): number {
  let id = ids.get(host);
  if (id === undefined) ids.set(host, (id = nextHostId++));
  return id;
}

function useResolvedTheme(choice: ThemeChoice): 'light' | 'dark' {
  const [systemDark, setSystemDark] = useState(
    () => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  );
  useEffect(() => {
    const q = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!q) return;
    const on = () => setSystemDark(q.matches);
    q.addEventListener('change', on);
    return () => q.removeEventListener('change', on);
  }, []);
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}
