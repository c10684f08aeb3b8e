// Every lesson of the course, replayed headless as a learner who follows its solutions: each
// check fails when its step begins (a check that already passes tests nothing) and passes once
// the step's solution has run and the world has had time to follow; every output the text shows
// is what the simulator prints at that point.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../cli/programs';
import { formatError, readCatalog } from './catalog';
import type { Lesson, Step } from './lesson';
import {
  allPass,
  matchesExample,
  runChecks,
  runExample,
  enterStep,
  runSolution,
  startLesson,
  waitForChecks,
} from './runtime';
import type { Session } from '../cli/program';

const DIR = join(__dirname, '../../lessons');
const files = readdirSync(DIR)
  .filter((n) => n.endsWith('.md'))
  .map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }));
const catalog = readCatalog(files);
/** `LESSON=<id>` replays only that lesson (while writing it). */
const only = process.env['LESSON'];

it('every lesson file is valid', () => {
  expect(catalog.errors.map((e) => formatError(e))).toEqual([]);
});

async function checkExamples(session: Session, step: Step, when: 'before' | 'after') {
  for (const example of step.examples.filter((e) => e.when === when)) {
    for (const { command, expected, actual } of await runExample(session, example, registry)) {
      if (!matchesExample(expected, actual))
        expect(`line ${example.line}: $ ${command}\n${actual}`).toBe(
          `line ${example.line}: $ ${command}\n${expected}`,
        );
    }
  }
}

async function replay(lesson: Lesson) {
  const session = await startLesson(lesson, registry);
  for (const [i, step] of lesson.steps.entries()) {
    const where = `${lesson.id} step ${i + 1} "${step.title}"`;
    await enterStep(session, lesson, i, registry);
    await checkExamples(session, step, 'before');
    if (step.kind === 'question') {
      expect(step.answer ?? step.choices, where).toBeDefined();
      continue;
    }
    if (step.kind === 'reading') continue;
    const before = await runChecks(session, step, registry);
    for (const r of before)
      expect(
        r.pass,
        `${where}: check at line ${r.check.line} passes before the step\n${r.output}`,
      ).toBe(false);
    for (const { line, result } of await runSolution(session, step, registry))
      expect(result.exitCode, `${where}: $ ${line}\n${result.stdout}${result.stderr}`).toBe(0);
    const after = await waitForChecks(session, step, registry);
    for (const r of after)
      expect(
        r.pass,
        `${where}: check at line ${r.check.line} fails after the solution\n${r.output}`,
      ).toBe(true);
    expect(allPass(after)).toBe(true);
    await checkExamples(session, step, 'after');
  }
}

describe('the authoring guide', () => {
  it('its minimal example is a valid lesson whose solution completes it', async () => {
    const guide = readFileSync(join(DIR, '../docs/authoring-lessons.md'), 'utf8');
    const example = /^````markdown\n([\s\S]*?)^````$/m.exec(guide)?.[1];
    expect(example).toBeDefined();
    const { lessons, errors } = readCatalog([{ name: 'example.md', text: example ?? '' }]);
    expect(errors).toEqual([]);
    const lesson = lessons[0] as Lesson;
    expect(lesson.steps.map((s) => s.kind)).toEqual(['task', 'question']);
    expect(lesson.steps[1]?.answer?.test("The cluster can't tell")).toBe(true);
    await replay(lesson);
  });
});

describe('the course', () => {
  it('has the track and a sandbox', () => {
    expect(catalog.lessons.length).toBeGreaterThanOrEqual(10);
    expect(catalog.sandbox).toBeDefined();
  });

  for (const lesson of catalog.lessons.filter((l) => !only || l.id === only)) {
    it(`${lesson.id}: reading and question steps are the exception`, () => {
      const tasks = lesson.steps.filter((s) => s.kind === 'task').length;
      expect(tasks).toBeGreaterThan(lesson.steps.length - tasks);
    });
    it(`${lesson.id}: the solutions complete every step, and no check passes before its step`, async () => {
      await replay(lesson);
    }, 120_000);
  }
});
