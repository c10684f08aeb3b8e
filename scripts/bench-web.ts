// Web figures for the built page (dist/; run `npm run build` first): how much JS must arrive
// before the terminal is usable, the whole bundle's size, and, in headless Chromium, the time to
// an interactive terminal and from Enter to a command's output on screen.
//
//   npx tsx scripts/bench-web.ts [--runs 7]
//
// Figures only: nothing here passes or fails. CHROMIUM_PATH overrides /usr/bin/chromium.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 7;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.yaml': 'text/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const gzipCache = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(file), { level: 9 }).length;
    gzipCache.set(file, size);
  }
  return size;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (v: number) => `${v.toFixed(1)} ms`;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// Vite's minified output writes static imports as `import{a as b}from"./x.js"` or
// `import"./x.js"`; dynamic ones as `import("./x.js")`, which this leaves out on purpose.
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]+?from\s*)?["']([^"']+\.js)["']/g;

/** The entry script of index.html and every chunk it imports statically, with its CSS. */
function criticalFiles(): { entry: string; files: string[] } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entrySrc = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!entrySrc) throw new Error('dist/index.html has no module script');
  const entry = resolve(DIST, entrySrc);
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.shift(); file; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (m[1]?.startsWith('.')) queue.push(resolve(file, '..', m[1]));
    }
  }
  for (const m of html.matchAll(
    /<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g,
  )) {
    if (m[1]) seen.add(resolve(DIST, m[1]));
  }
  return { entry, files: [...seen] };
}

interface Run {
  prompt: number;
  echo: number;
  keyToEcho: number;
  enterToOutput: number;
  frames: number;
  /** Event Timing of the Enter; undefined when it took under 16 ms to the next paint. */
  enterTiming: KeyTiming | undefined;
  beforePrompt: string[];
  offOrigin: string[];
}

// Installed before the page's own scripts: times are performance.now(), i.e. milliseconds since
// the navigation started, read when the terminal's rows change.
interface KeyTiming {
  start: number;
  /** The page's keydown handlers, ms. */
  processing: number;
  /** From the key to the next paint, ms (Event Timing rounds to 8 ms). */
  duration: number;
}

interface Probe {
  events: KeyTiming[];
  prompt?: number;
  echo?: number;
  key?: number;
  enter?: number;
  output?: number;
  frames: number[];
}
interface Probed {
  __probe: Probe;
  /** Set just before the Enter that is timed. */
  __measure?: boolean;
}

// Page-side source text rather than a function: tsx would wrap a function's inner names in a
// helper (`__name`) that does not exist in the page.
const PROBE = String.raw`(() => {
  const probe = { frames: [] };
  window.__probe = probe;
  const rows = () =>
    Array.from(document.querySelector('[data-testid=terminal] .xterm-rows')?.children ?? [], (r) =>
      (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd(),
    );
  new MutationObserver(() => {
    const now = performance.now();
    const all = rows();
    const last = all.filter(Boolean).at(-1);
    if (probe.prompt === undefined && last === '$') probe.prompt = now;
    if (probe.key !== undefined && probe.echo === undefined && last === '$ k') probe.echo = now;
    if (probe.enter !== undefined && probe.output === undefined) {
      if (all.some((r) => /^NAME\s+READY\s+STATUS/.test(r))) probe.output = now;
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  // Event Timing: how long the page's own handlers ran for a key, and when the next paint came.
  probe.events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'keydown')
        probe.events.push({
          start: e.startTime,
          processing: e.processingEnd - e.processingStart,
          duration: e.duration,
        });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'k' && probe.key === undefined) probe.key = e.timeStamp;
      if (e.key === 'Enter' && window.__measure) {
        probe.enter = e.timeStamp;
        const tick = (t) => {
          probe.frames.push(t);
          if (probe.frames.length < 30) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }
    },
    true,
  );
})();`;

async function once(browser: Browser, base: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const offOrigin: string[] = [];
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      offOrigin.push(route.request().url());
      return route.abort();
    },
  );
  const page = await context.newPage();
  await page.addInitScript({ content: PROBE });
  let promptSeen = false;
  const beforePrompt: string[] = [];
  page.on('response', (r) => {
    const url = r.url();
    if (!/\.(js|css)(\?|$)/.test(url)) return;
    if (!promptSeen) beforePrompt.push(url);
  });

  await page.goto(`${base}/?seed=1`, { waitUntil: 'commit' });
  // Focuses the terminal from inside the page the moment the prompt shows, so that the key
  // follows with as little of the harness's own latency as possible.
  await page.waitForFunction(
    () => {
      if ((window as unknown as Probed).__probe.prompt === undefined) return false;
      document
        .querySelector<HTMLElement>('[data-testid=terminal] textarea.xterm-helper-textarea')
        ?.focus();
      return true;
    },
    null,
    { polling: 'raf', timeout: 30_000 },
  );
  promptSeen = true;
  await page.keyboard.type('k');
  await page.waitForFunction(() => (window as unknown as Probed).__probe.echo !== undefined, null, {
    timeout: 10_000,
  });
  await page.keyboard.press('Backspace');

  // Something to list: three pods, at rest.
  await page.keyboard.type('kubectl create deployment my-app --image=nginx:1.27.0 --replicas=3');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Settle now', exact: true }).click();
  // Let the save and the panes' redraw that settling brings finish, as they would while a
  // person reads the screen before typing.
  await page.waitForTimeout(1000);
  await page.locator('[data-testid=terminal] textarea.xterm-helper-textarea').focus();
  await page.keyboard.type('kubectl get pods');
  await page.evaluate(() => ((window as unknown as Probed).__measure = true));
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => {
      const p = (window as unknown as Probed).__probe;
      return p.output !== undefined && p.frames.length >= 30;
    },
    null,
    { timeout: 10_000 },
  );
  const p = await page.evaluate(() => (window as unknown as Probed).__probe);
  await context.close();
  const { prompt = NaN, echo = NaN, key = NaN, enter = NaN, output = NaN } = p;
  // The frame that drew the output is the n-th frame to begin after the keypress.
  const frames = p.frames.filter((t) => t <= output).length;
  return {
    prompt,
    echo,
    keyToEcho: echo - key,
    enterToOutput: output - enter,
    frames,
    enterTiming: p.events.find((e) => Math.abs(e.start - enter) < 1),
    beforePrompt,
    offOrigin,
  };
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('dist/index.html is missing: run `npm run build` first.');
    process.exit(1);
  }
  const rel = (f: string) => relative(DIST, f);

  const { entry, files } = criticalFiles();
  console.log('Static JS/CSS of the entry (dist/index.html and its static imports), gzip -9:');
  let critical = 0;
  for (const f of files) {
    critical += gzipSize(f);
    console.log(
      `  ${rel(f).padEnd(48)} ${kB(gzipSize(f)).padStart(10)}${f === entry ? '  (entry)' : ''}`,
    );
  }
  console.log(`  ${'total'.padEnd(48)} ${kB(critical).padStart(10)}`);

  const all = walk(DIST).filter((f) => /\.(js|css)$/.test(f));
  const total = all.reduce((n, f) => n + gzipSize(f), 0);
  const raw = all.reduce((n, f) => n + statSync(f).size, 0);
  console.log(`All JS+CSS in dist/: ${all.length} files, ${kB(total)} gzip (${kB(raw)} raw)`);

  const server = await serve(DIST);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const runs: Run[] = [];
  try {
    await once(browser, base); // warm-up: the OS file cache and Chromium's own start-up
    for (let i = 0; i < RUNS; i++) runs.push(await once(browser, base));
  } finally {
    await browser.close();
    server.close();
  }

  const first = runs[0];
  if (first) {
    const files = first.beforePrompt.map((u) => join(DIST, new URL(u).pathname));
    const bytes = files.reduce((n, f) => n + (existsSync(f) ? gzipSize(f) : 0), 0);
    console.log(
      `JS/CSS fetched before the prompt showed (network log): ${files.length} files, ${kB(bytes)} gzip`,
    );
    for (const f of files) console.log(`  ${rel(f)}`);
  }
  const offOrigin = runs.flatMap((r) => r.offOrigin);
  console.log(
    `Requests that left the origin: ${offOrigin.length}${offOrigin.length ? ` (${offOrigin.join(', ')})` : ''}`,
  );

  console.log(`Headless Chromium, cold cache, median of ${runs.length} runs:`);
  console.log(`  navigation start to prompt visible     ${ms(median(runs.map((r) => r.prompt)))}`);
  console.log(
    `  navigation start to first key echoed   ${ms(median(runs.map((r) => r.echo)))}  (key sent once the prompt showed)`,
  );
  console.log(
    `  keydown to echo                        ${ms(median(runs.map((r) => r.keyToEcho)))}`,
  );
  console.log(
    `  Enter on \`kubectl get pods\` to output  ${ms(median(runs.map((r) => r.enterToOutput)))}`,
  );
  console.log(
    `  ... drawn in frame                     ${median(runs.map((r) => r.frames))} after the keypress (per run: ${runs.map((r) => r.frames).join(' ')})`,
  );
  const timed = runs.flatMap((r) => (r.enterTiming ? [r.enterTiming] : []));
  if (timed.length === 0) {
    console.log('  Enter, key to next paint (Event Timing) under 16 ms in every run');
  } else {
    console.log(
      `  Enter, page's keydown handlers         ${ms(median(timed.map((t) => t.processing)))}  (Event Timing, ${timed.length} of ${runs.length} runs over 16 ms)`,
    );
    console.log(
      `  Enter, key to next paint               ${ms(median(timed.map((t) => t.duration)))}`,
    );
  }
}

await main();
