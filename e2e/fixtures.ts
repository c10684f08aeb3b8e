// Page objects for the page's contract (DESIGN.md §4.2–4.3), handed to specs as fixtures.
// Every test also checks that the page stayed on its own origin and threw nothing.
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

/** Where idb-keyval's default store keeps the saved session. */
export const SAVE_DB = { database: 'keyval-store', store: 'keyval', key: 'session' } as const;

export const PROMPT = '$';

function isLocal(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export class TerminalPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('terminal');
  }

  /** The visible rows as a person reads them (the DOM renderer draws some spaces as NBSP). */
  async rows(): Promise<string[]> {
    return this.root
      .locator('.xterm-rows')
      .evaluate((el) =>
        Array.from(el.children, (row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()),
      );
  }

  async text(): Promise<string> {
    return (await this.rows()).join('\n').trimEnd();
  }

  /** The last row with anything on it: the line being edited when the shell is idle. */
  async lastLine(): Promise<string> {
    const rows = await this.rows();
    for (let i = rows.length - 1; i >= 0; i--) if (rows[i]) return rows[i] ?? '';
    return '';
  }

  async focus(): Promise<void> {
    await this.root.locator('textarea.xterm-helper-textarea').focus();
  }

  /** Types as a person would, key by key, without pressing Enter. */
  async typeKeys(text: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.type(text);
  }

  async press(key: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press(key);
  }

  /** Types a command and presses Enter; does not wait for it to finish. */
  async type(command: string): Promise<void> {
    await this.typeKeys(command);
    await this.page.keyboard.press('Enter');
  }

  async waitForText(pattern: RegExp, timeout?: number): Promise<void> {
    await expect
      .poll(() => this.text(), { message: `terminal shows ${String(pattern)}`, timeout })
      .toMatch(pattern);
  }

  /** Waits until the shell is idle: an empty prompt on the last row. */
  async waitForPrompt(timeout?: number): Promise<void> {
    await expect
      .poll(() => this.lastLine(), { message: 'terminal shows an empty prompt', timeout })
      .toBe(PROMPT);
  }

  /**
   * Runs a command to its end and returns what it printed (the rows between the prompts). Each
   * line is seen echoed before Enter: on a loaded machine the terminal may not have drawn the
   * typing yet, and the old prompt would pass for the end of the command.
   */
  async run(command: string, timeout?: number): Promise<string> {
    await this.waitForPrompt();
    const squeeze = (text: string) => text.replace(/\s/g, '');
    for (const [i, line] of command.split('\n').entries()) {
      await this.typeKeys(line);
      const echo = squeeze(`${i === 0 ? PROMPT : '>'} ${line}`);
      await expect
        .poll(async () => squeeze((await this.rows()).join('')).endsWith(echo))
        .toBe(true);
      await this.page.keyboard.press('Enter');
    }
    await this.waitForPrompt(timeout);
    const rows = await this.rows();
    let end = rows.length - 1;
    while (end > 0 && rows[end] !== PROMPT) end--;
    let start = end - 1;
    while (start >= 0 && !(rows[start] ?? '').startsWith(`${PROMPT} `)) start--;
    return rows.slice(start + 1, end).join('\n');
  }
}

export class DiffPane {
  readonly root: Locator;
  /** The unified diff as text: shown while Monaco loads, and always there for screen readers. */
  readonly textVersion: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('manifest-diff');
    this.textVersion = page.getByTestId('manifest-diff-text');
  }

  /** textContent: the text version is hidden with `white-space: nowrap`, which innerText obeys. */
  async text(): Promise<string> {
    return (await this.textVersion.textContent()) ?? '';
  }

  async waitForText(pattern: RegExp): Promise<void> {
    await expect
      .poll(() => this.text(), { message: `diff shows ${String(pattern)}` })
      .toMatch(pattern);
  }
}

export class TimelinePage {
  readonly root: Locator;
  readonly entries: Locator;
  readonly backToNow: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('timeline');
    this.entries = this.root.getByTestId('timeline-entry');
    this.backToNow = page.getByRole('button', { name: 'Back to now' });
  }

  entry(commandText: string): Locator {
    return this.entries.filter({ hasText: commandText });
  }

  async select(commandText: string): Promise<void> {
    await this.entry(commandText).click();
  }
}

export interface PodBox {
  name: string;
  status: string;
}

export class ClusterPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('cluster-view');
  }

  /** Pods whose name starts with `prefix` (the world also runs kube-system's own). */
  async pods(prefix = ''): Promise<PodBox[]> {
    const all = await this.root.getByTestId('pod').evaluateAll((els) =>
      els.map((el) => ({
        name: el.getAttribute('data-name') ?? '',
        status: el.getAttribute('data-status') ?? '',
      })),
    );
    return all
      .filter((p) => p.name.startsWith(prefix))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The statuses of the pods, sorted, for one readable assertion about all of them. */
  async statuses(prefix = ''): Promise<string[]> {
    return (await this.pods(prefix)).map((p) => p.status).sort();
  }
}

export interface OpenOptions {
  seed?: number;
  speed?: number;
  theme?: 'light' | 'dark';
  /** A lesson to open (and its step, from 1); without one the page opens the sandbox. */
  lesson?: string;
  step?: number;
}

export class AppPage {
  readonly html: Locator;

  constructor(
    readonly page: Page,
    readonly terminal: TerminalPage,
  ) {
    this.html = page.locator('html');
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Opens the page with the given URL parameters and waits for the prompt. */
  async open(options: OpenOptions = {}): Promise<void> {
    const q = new URLSearchParams();
    if (options.seed !== undefined) q.set('seed', String(options.seed));
    if (options.speed !== undefined) q.set('speed', String(options.speed));
    if (options.theme !== undefined) q.set('theme', options.theme);
    if (options.lesson !== undefined) q.set('lesson', options.lesson);
    if (options.step !== undefined) q.set('step', String(options.step));
    if (options.lesson === undefined && options.seed === undefined) q.set('mode', 'sandbox');
    const search = q.toString();
    await this.page.goto(search ? `./?${search}` : './');
    await this.waitReady();
  }

  /**
   * The terminal shows its prompt before the simulator has loaded; the other panes arrive with
   * it. Waits for both.
   */
  async waitReady(): Promise<void> {
    await this.terminal.waitForPrompt();
    await expect(this.page.locator('[aria-busy=true]')).toHaveCount(0);
    await expect(this.button('Settle now')).toBeVisible();
  }

  async settle(): Promise<void> {
    await this.button('Settle now').click();
  }

  /** Waits until the session is in IndexedDB (the page marks `<html data-saved>`). */
  async waitSaved(): Promise<void> {
    await expect(this.html).toHaveAttribute('data-saved', 'true');
  }

  async reload(): Promise<void> {
    await this.waitSaved();
    await this.page.reload();
    await this.waitReady();
  }

  /** Replaces the saved session with `value`, from a blank page on the same origin. */
  async writeSave(value: unknown): Promise<void> {
    await this.page.route('**/__blank.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
    );
    await this.page.goto('./__blank.html');
    await this.page.evaluate(
      ({ db, value }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(db.database);
          open.onupgradeneeded = () => open.result.createObjectStore(db.store);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const conn = open.result;
            const tx = conn.transaction(db.store, 'readwrite');
            tx.objectStore(db.store).put(value, db.key);
            tx.oncomplete = () => {
              conn.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { db: SAVE_DB, value },
    );
  }

  /** What IndexedDB holds for the session now. */
  async readSave(): Promise<unknown> {
    return this.page.evaluate(
      (db) =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open(db.database);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const conn = open.result;
            if (!conn.objectStoreNames.contains(db.store)) {
              conn.close();
              resolve(undefined);
              return;
            }
            const req = conn.transaction(db.store).objectStore(db.store).get(db.key);
            req.onsuccess = () => {
              conn.close();
              resolve(req.result);
            };
            req.onerror = () => reject(req.error);
          };
        }),
      SAVE_DB,
    );
  }
}

interface Fixtures {
  app: AppPage;
  terminal: TerminalPage;
  diff: DiffPane;
  timeline: TimelinePage;
  cluster: ClusterPage;
}

export const test = base.extend<Fixtures>({
  // The tutorial must work offline: anything addressed beyond the page's origin is refused
  // and fails the test, whichever page, frame or worker asked for it.
  context: async ({ context }, use) => {
    const escaped: string[] = [];
    await context.route(
      (url) => !isLocal(url),
      (route) => {
        escaped.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    await context.routeWebSocket(
      (url) => !isLocal(url),
      (ws) => {
        escaped.push(ws.url());
        return ws.close();
      },
    );
    await use(context);
    expect(escaped, 'requests that left the page’s origin').toEqual([]);
  },
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
  terminal: async ({ page }, use) => use(new TerminalPage(page)),
  diff: async ({ page }, use) => use(new DiffPane(page)),
  timeline: async ({ page }, use) => use(new TimelinePage(page)),
  cluster: async ({ page }, use) => use(new ClusterPage(page)),
  app: async ({ page, terminal }, use) => use(new AppPage(page, terminal)),
});
