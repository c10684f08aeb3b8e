// The lesson format: one Markdown file per lesson, a YAML front-matter block saying what the world
// starts with, then steps. A step is a `## Step: …` (checked by commands), a `## Reading: …`
// (completed by Continue) or a `## Question: …` (a typed answer). Fenced blocks whose info string
// starts with `check`, `hint`, `solution` or `answer` belong to the step they are in; every other
// block is part of its text. Errors carry the line they are on, so an author can find them.
import { parseDocument } from 'yaml';
import { splitCommands } from '../cli/shell/split';

export type LessonMode = 'imperative' | 'declarative' | 'gitops' | 'sandbox';

export type Check =
  /** Passes when the command exits 0. */
  | { command: string; line: number; expect: { kind: 'exit' } }
  /** Passes when the command's output contains the text. */
  | { command: string; line: number; expect: { kind: 'contains'; text: string } }
  /** Passes when the command's output matches the expression. */
  | { command: string; line: number; expect: { kind: 'matches'; pattern: RegExp } }
  /** Passes when the command's output, without its last newline, is exactly the text. */
  | { command: string; line: number; expect: { kind: 'equals'; text: string } };

/**
 * A `console` block in a step's text: commands after `$ ` and the output they print. The lesson
 * test runs them against a copy of the world, before the step's solution (`console`) or after it
 * (`console after`), and compares. A line `...` stands for any number of lines.
 */
export interface Example {
  line: number;
  when: 'before' | 'after';
  commands: { command: string; output: string }[];
}

/** One option of a choice question. */
export interface Choice {
  text: string;
  correct: boolean;
}

export interface Step {
  kind: 'task' | 'reading' | 'question';
  title: string;
  /** Markdown shown to the learner. */
  text: string;
  checks: Check[];
  hints: string[];
  /** Shell lines that complete the step. */
  solution: string[];
  /** For a question: what a right answer matches. */
  answer?: RegExp;
  /** For a question: options to choose from instead of a typed answer. */
  choices?: Choice[];
  /** Shell lines run, unseen, when the step begins (`lose-cluster` replaces the cluster). */
  setup: string[];
  /** Outputs shown in the text, checked against the simulator by the lesson test. */
  examples: Example[];
  line: number;
}

export interface Lesson {
  id: string;
  title: string;
  mode: LessonMode;
  seed: number;
  /** Kubeconfig contexts, each with its own cluster (the first is current); none: one cluster. */
  contexts: string[];
  /** Shell lines run headless before the learner starts. */
  setup: string[];
  /** Starting files, relative to the learner's home. */
  files: Record<string, string>;
  /**
   * Teammates' commands, at simulated seconds after the lesson starts, or after step `step`
   * (1-based) begins.
   */
  teammates: Teammate[];
  intro: string;
  steps: Step[];
}

export interface Teammate {
  at: number;
  /** The step (1-based) whose beginning `at` counts from; none: the lesson's start. */
  step?: number;
  user: string;
  name: string;
  email: string;
  command: string;
}

export interface LessonError {
  line: number;
  message: string;
}

export type ParsedLesson = { ok: true; lesson: Lesson } | { ok: false; errors: LessonError[] };

const MODES: readonly LessonMode[] = ['imperative', 'declarative', 'gitops', 'sandbox'];
const STEP_HEADING = /^## (Step|Reading|Question):\s*(.*)$/;
const FENCE = /^(`{3,}|~{3,})\s*(.*)$/;

/** `/…/flags` as written in a check or answer, or an error message. */
function regex(text: string): RegExp | string {
  const m = /^\/(.*)\/([a-z]*)$/.exec(text.trim());
  if (!m) return `expected a regular expression written /…/, got ${text.trim() || 'nothing'}`;
  try {
    return new RegExp(m[1] as string, m[2]);
  } catch (e) {
    return `not a valid regular expression: ${(e as Error).message}`;
  }
}

/**
 * The commands of a shell block as bash would read them (a `\\`-continued line or a
 * here-document with its body is one command), without blank lines and comments.
 */
export function shellLines(body: string): string[] {
  return splitCommands(body)
    .map((c) => c.text)
    .filter((t) => t.trim() !== '' && !t.trim().startsWith('#'));
}

/** `$ command` lines and what follows each, up to the next. */
function parseExample(info: string, body: string, line: number): Example | LessonError {
  const when = info.split(/\s+/)[1] === 'after' ? 'after' : 'before';
  const commands: Example['commands'] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.startsWith('$ ')) {
      let command = l.slice(2);
      // A command continued with a trailing backslash, shown as `> ` lines after it.
      while (command.endsWith('\\') && lines[i + 1]?.startsWith('> ')) {
        command += `\n${(lines[++i] as string).slice(2)}`;
      }
      commands.push({ command, output: '' });
    } else if (commands.length === 0) {
      if (l.trim() !== '')
        return { line: line + 1 + i, message: 'a console block starts with a "$ " command line' };
    } else {
      const last = commands[commands.length - 1] as { command: string; output: string };
      last.output += `${l}\n`;
    }
  }
  if (commands.length === 0) return { line, message: 'a console block needs a "$ " command line' };
  return { line, when, commands };
}

/** `- [x] right` and `- [ ] wrong` lines. */
function parseChoices(body: string, line: number): Choice[] | LessonError {
  const choices: Choice[] = [];
  for (const [i, l] of body.split('\n').entries()) {
    if (l.trim() === '') continue;
    const m = /^\s*- \[( |x|X)\]\s+(.+)$/.exec(l);
    if (!m)
      return { line: line + 1 + i, message: 'a choice is written "- [x] text" or "- [ ] text"' };
    choices.push({ text: (m[2] as string).trim(), correct: m[1] !== ' ' });
  }
  if (choices.length < 2) return { line, message: 'a choice block needs two options or more' };
  if (!choices.some((c) => c.correct))
    return { line, message: 'a choice block needs one option marked [x]' };
  return choices;
}

function parseCheck(info: string, body: string, line: number): Check | LessonError {
  const command = body.trim();
  if (command === '') return { line, message: 'a check needs a command' };
  const rest = info.slice('check'.length).trim();
  if (rest === '') return { command, line, expect: { kind: 'exit' } };
  const m = /^(contains|matches|equals)\s+(.*)$/.exec(rest);
  if (!m)
    return {
      line,
      message: `unknown check option "${rest}" (use contains "…", equals "…" or matches /…/)`,
    };
  if (m[1] === 'contains' || m[1] === 'equals') {
    const q = /^"(.*)"$/.exec((m[2] as string).trim());
    if (!q) return { line, message: `${m[1]} takes text in double quotes` };
    const text = q[1] as string;
    return m[1] === 'equals'
      ? { command, line, expect: { kind: 'equals', text } }
      : { command, line, expect: { kind: 'contains', text } };
  }
  const pattern = regex(m[2] as string);
  if (typeof pattern === 'string') return { line, message: pattern };
  return { command, line, expect: { kind: 'matches', pattern } };
}

function frontMatter(
  lines: string[],
  errors: LessonError[],
): { data: Record<string, unknown>; end: number } {
  if (lines[0]?.trim() !== '---') {
    errors.push({
      line: 1,
      message: 'a lesson starts with a front-matter block between --- lines',
    });
    return { data: {}, end: 0 };
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) {
    errors.push({ line: 1, message: 'the front-matter block has no closing ---' });
    return { data: {}, end: lines.length };
  }
  const doc = parseDocument(lines.slice(1, end).join('\n'));
  for (const e of doc.errors) {
    errors.push({ line: (e.linePos?.[0]?.line ?? 0) + 1, message: e.message.split('\n')[0] ?? '' });
  }
  const data = doc.toJS() as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    if (doc.errors.length === 0) errors.push({ line: 2, message: 'the front matter is not a map' });
    return { data: {}, end: end + 1 };
  }
  return { data: data as Record<string, unknown>, end: end + 1 };
}

export function parseLesson(text: string): ParsedLesson {
  const errors: LessonError[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const { data, end } = frontMatter(lines, errors);
  const field = (name: string) => data[name];
  const str = (name: string, required: boolean): string => {
    const v = field(name);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (v !== undefined || required)
      errors.push({
        line: 1,
        message: `front matter: ${name} must be ${required ? 'set to ' : ''}text`,
      });
    return '';
  };
  const id = str('id', true);
  if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id))
    errors.push({
      line: 1,
      message: `front matter: id "${id}" must be lower-case letters, digits and -`,
    });
  const title = str('title', true);
  const mode = str('mode', true) as LessonMode;
  if (mode && !MODES.includes(mode))
    errors.push({ line: 1, message: `front matter: mode must be one of ${MODES.join(', ')}` });
  const seedValue = field('seed') ?? 1;
  const seed = Number.isInteger(seedValue) ? (seedValue as number) : 1;
  if (!Number.isInteger(seedValue))
    errors.push({ line: 1, message: 'front matter: seed must be a whole number' });
  const contextsValue = field('contexts') ?? [];
  const contexts =
    Array.isArray(contextsValue) && contextsValue.every((c) => typeof c === 'string')
      ? (contextsValue as string[])
      : [];
  if (contexts.length !== (Array.isArray(contextsValue) ? contextsValue.length : -1))
    errors.push({ line: 1, message: 'front matter: contexts must be a list of names' });
  const setupValue = field('setup') ?? '';
  const setup = typeof setupValue === 'string' ? shellLines(setupValue) : [];
  if (typeof setupValue !== 'string')
    errors.push({ line: 1, message: 'front matter: setup must be text (shell lines)' });
  const filesValue = field('files') ?? {};
  const files: Record<string, string> = {};
  if (typeof filesValue === 'object' && filesValue !== null && !Array.isArray(filesValue)) {
    for (const [path, content] of Object.entries(filesValue)) {
      if (typeof content !== 'string' || path.startsWith('/') || path.split('/').includes('..'))
        errors.push({
          line: 1,
          message: `front matter: files.${path} must be text at a relative path`,
        });
      else files[path] = content;
    }
  } else errors.push({ line: 1, message: 'front matter: files must map relative paths to text' });
  const teammates: Lesson['teammates'] = [];
  const mates = field('teammates') ?? [];
  if (Array.isArray(mates)) {
    for (const [i, m] of mates.entries()) {
      const t = m as Record<string, unknown>;
      if (
        typeof t?.['at'] !== 'number' ||
        typeof t['user'] !== 'string' ||
        typeof t['name'] !== 'string' ||
        typeof t['email'] !== 'string' ||
        typeof t['command'] !== 'string' ||
        (t['step'] !== undefined && !(Number.isInteger(t['step']) && (t['step'] as number) >= 1))
      ) {
        errors.push({
          line: 1,
          message: `front matter: teammates[${i}] needs at (seconds), user, name, email and command (and step, if any, a step number)`,
        });
      } else {
        teammates.push({
          ...(t['step'] !== undefined ? { step: t['step'] as number } : {}),
          at: t['at'],
          user: t['user'],
          name: t['name'],
          email: t['email'],
          command: t['command'],
        });
      }
    }
  } else errors.push({ line: 1, message: 'front matter: teammates must be a list' });

  const steps: Step[] = [];
  const intro: string[] = [];
  const introExamples: Example[] = [];
  let step: Step | undefined;
  let block: string[] = intro;
  for (let i = end; i < lines.length; i++) {
    const line = lines[i] as string;
    const heading = STEP_HEADING.exec(line);
    if (heading) {
      const kind =
        heading[1] === 'Step' ? 'task' : heading[1] === 'Reading' ? 'reading' : 'question';
      step = {
        kind,
        title: (heading[2] as string).trim(),
        text: '',
        checks: [],
        hints: [],
        solution: [],
        setup: [],
        examples: [],
        line: i + 1,
      };
      if (!step.title)
        errors.push({ line: i + 1, message: 'a step needs a title after the colon' });
      steps.push(step);
      block = [];
      (step as Step & { lines?: string[] }).lines = block;
      continue;
    }
    const fence = FENCE.exec(line);
    if (!fence) {
      block.push(line);
      continue;
    }
    const close = lines.findIndex(
      (l, j) =>
        j > i && l.trim().startsWith(fence[1] as string) && l.trim().replace(/[`~]/g, '') === '',
    );
    if (close < 0) {
      errors.push({ line: i + 1, message: 'this code block is never closed' });
      break;
    }
    const info = (fence[2] as string).trim();
    const body = lines.slice(i + 1, close).join('\n');
    const word = info.split(/\s+/)[0] ?? '';
    if (word === 'console') {
      const example = parseExample(info, body, i + 1);
      if ('message' in example) errors.push(example);
      else if (step) step.examples.push(example);
      else introExamples.push(example);
      block.push(...lines.slice(i, close + 1));
    } else if (['check', 'hint', 'solution', 'answer', 'setup', 'choice'].includes(word)) {
      if (!step) errors.push({ line: i + 1, message: `a ${word} block must be inside a step` });
      else if (word === 'check') {
        const c = parseCheck(info, body, i + 1);
        if ('command' in c) step.checks.push(c);
        else errors.push(c);
      } else if (word === 'hint') step.hints.push(body.trim());
      else if (word === 'solution') step.solution.push(...shellLines(body));
      else if (word === 'setup') step.setup.push(...shellLines(body));
      else if (word === 'choice') {
        const choices = parseChoices(body, i + 1);
        if ('message' in choices) errors.push(choices);
        else step.choices = choices;
      } else {
        const answer = regex(body);
        if (typeof answer === 'string') errors.push({ line: i + 1, message: answer });
        else step.answer = answer;
      }
    } else {
      // Output shown beside a `$ ` prompt must be what the simulator prints: only a console
      // block is compared with it.
      if (/^\$ /m.test(body))
        errors.push({
          line: i + 1,
          message: `a transcript with "$ " lines goes in a console block, which the lesson test checks (this one is ${word || 'unnamed'})`,
        });
      block.push(...lines.slice(i, close + 1));
    }
    i = close;
  }
  for (const s of steps) {
    const own = (s as Step & { lines?: string[] }).lines ?? [];
    delete (s as Step & { lines?: string[] }).lines;
    s.text = own.join('\n').trim();
    if (s.kind === 'task') {
      if (s.checks.length === 0)
        errors.push({ line: s.line, message: `step "${s.title}" has no check` });
      if (s.solution.length === 0)
        errors.push({ line: s.line, message: `step "${s.title}" has no solution` });
    }
    if (s.kind === 'question' && !s.answer && !s.choices)
      errors.push({ line: s.line, message: `question "${s.title}" has no answer or choice block` });
    if (s.kind !== 'task' && (s.checks.length > 0 || s.solution.length > 0))
      errors.push({
        line: s.line,
        message: `only a "## Step:" has checks and a solution; "${s.title}" is a ${s.kind} step`,
      });
  }
  // Examples in the introduction are shown before the first step begins.
  if (introExamples.length > 0 && steps[0]) steps[0].examples.unshift(...introExamples);
  for (const t of teammates)
    if (t.step !== undefined && t.step > steps.length)
      errors.push({
        line: 1,
        message: `front matter: a teammate acts at step ${t.step}, which does not exist`,
      });
  if (steps.length === 0 && mode !== 'sandbox')
    errors.push({ line: end + 1, message: 'the lesson has no steps' });
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return {
    ok: true,
    lesson: {
      id,
      title,
      mode,
      seed,
      contexts,
      setup,
      files,
      teammates,
      intro: intro.join('\n').trim(),
      steps,
    },
  };
}
