// The lesson beside the terminal: which lesson, which step, what to do and how it is checked.
// Nothing here runs a command: code and solutions go on the prompt (Paste), and the learner
// presses Enter. The course's logic lives in the tutorial store; this only shows it and asks.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Tutorial, TutorialState } from '../store/tutorial';
import { currentStep, stepDone } from '../store/tutorial';
import { formatError } from '../tutorial/catalog';
import type { Lesson, Step } from '../tutorial/lesson';
import { useTutorial, useTutorialState } from './context';
import { Markdown, PasteButton } from './Markdown';
import { shortCommand } from './markdown';
import './LessonPanel.css';

const EXPORT_NAME = 'gitops-explained-progress.json';

export interface LessonPanelProps {
  /** Folds the panel away (the page keeps a button to bring it back). */
  onHide?: () => void;
}

export function LessonPanel({ onHide }: LessonPanelProps) {
  const tutorial = useTutorial();
  // The page's boot gives the course to the app before the panes render; a page without one
  // (a build with no lessons) still has a terminal to use, and nothing here waits.
  if (!tutorial)
    return (
      <section data-testid="lesson" className="pane lesson" aria-label="Lesson">
        <PanelHeader title="Lessons" onHide={onHide} />
        <p className="hint">No lessons are loaded: the terminal works on its own.</p>
      </section>
    );
  return <Course tutorial={tutorial} onHide={onHide} />;
}

const NONE = {
  lesson: undefined,
  stepIndex: 0,
  preparing: undefined,
  announcement: '',
} satisfies Partial<TutorialState>;

/** Runs a course action whose failure the store reports itself; the console keeps the cause. */
function run(p: Promise<void>): void {
  p.catch((e: unknown) => console.error('the course action failed', e));
}

function Course({ tutorial, onHide }: { tutorial: Tutorial; onHide: (() => void) | undefined }) {
  const { lesson, stepIndex, preparing, announcement } = useTutorialState(
    useShallow((s: TutorialState) => ({
      lesson: s.lesson,
      stepIndex: s.stepIndex,
      preparing: s.preparing,
      announcement: s.announcement,
    })),
    NONE,
  );
  const busy = preparing !== undefined;
  return (
    <section data-testid="lesson" className="pane lesson" aria-label="Lesson" aria-busy={busy}>
      <PanelHeader title={lesson?.title ?? 'Sandbox'} onHide={onHide} />
      {/* Also on screen: some of it is said nowhere else ("a command is still running"). */}
      <p data-testid="lesson-status" className="lesson-status" aria-live="polite">
        {announcement}
      </p>
      {preparing && (
        <p className="lesson-preparing" role="status">
          <span className="lesson-spinner" aria-hidden="true" /> {preparing}
        </p>
      )}
      <Picker tutorial={tutorial} busy={busy} inLesson={lesson !== undefined} />
      {lesson ? (
        <LessonView tutorial={tutorial} lesson={lesson} stepIndex={stepIndex} busy={busy} />
      ) : (
        <SandboxView tutorial={tutorial} />
      )}
    </section>
  );
}

function PanelHeader({ title, onHide }: { title: string; onHide: (() => void) | undefined }) {
  return (
    <header className="pane-header">
      <h2 data-testid="lesson-title">{title}</h2>
      {onHide && (
        <button
          type="button"
          className="lesson-hide"
          aria-expanded="true"
          title="Hide the lesson panel (it keeps your place)"
          onClick={onHide}
        >
          Hide lesson
        </button>
      )}
    </header>
  );
}

// ---------------------------------------------------------------------------------------------
// The course: every lesson with how far the learner got, the sandbox, progress in and out.

function Picker({
  tutorial,
  busy,
  inLesson,
}: {
  tutorial: Tutorial;
  busy: boolean;
  inLesson: boolean;
}) {
  const catalog = useTutorialState((s) => s.catalog, undefined);
  const progress = useTutorialState((s) => s.progress, undefined);
  const current = useTutorialState((s) => s.lesson?.id, undefined);
  // Open in the sandbox, where choosing a lesson is the thing to do; folded while one is going on.
  const [open, setOpen] = useState(!inLesson);
  useEffect(() => setOpen(!inLesson), [inLesson]);
  if (!catalog) return null;
  const lessons = catalog.lessons;
  const finished = (l: Lesson) =>
    doneCount(l, progress?.lessons[l.id]?.completed) >= l.steps.length;
  const total = lessons.filter(finished).length;
  return (
    <details
      className="lesson-picker"
      data-testid="lesson-picker"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        All lessons{' '}
        <span className="lesson-muted">
          ({total} of {lessons.length} finished)
        </span>
      </summary>
      <nav aria-label="Lessons">
        <ol className="lesson-list">
          {lessons.map((l, i) => {
            const k = doneCount(l, progress?.lessons[l.id]?.completed);
            const done = finished(l);
            return (
              <li key={l.id}>
                <button
                  type="button"
                  aria-current={l.id === current ? 'true' : undefined}
                  disabled={busy}
                  onClick={() => run(tutorial.openLesson(l.id))}
                >
                  <span className="lesson-number">{i + 1}.</span>{' '}
                  <span className="lesson-name">{l.title}</span>{' '}
                  <span className="lesson-muted">
                    {k}/{l.steps.length} steps
                  </span>
                  {done && (
                    <span className="lesson-ok">
                      {' '}
                      <span aria-hidden="true">✓</span>
                      <span className="visually-hidden">finished</span>
                    </span>
                  )}
                </button>
              </li>
            );
          })}
          <li>
            <button
              type="button"
              aria-current={current === undefined ? 'true' : undefined}
              disabled={busy}
              onClick={() => run(tutorial.openSandbox())}
            >
              <span className="lesson-name">Sandbox</span>{' '}
              <span className="lesson-muted">a cluster to try things in</span>
            </button>
          </li>
        </ol>
      </nav>
      <ProgressFile tutorial={tutorial} busy={busy} />
      {catalog.errors.length > 0 && (
        // Only a lesson file with mistakes gets here (the tests refuse them): say which, for its author.
        <div role="alert" className="lesson-error">
          <p>Lessons left out because of mistakes in their files:</p>
          <ul>
            {catalog.errors.map((e, i) => (
              <li key={i}>
                <code>{formatError(e)}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}

/** Steps completed, each counted once (and only steps the lesson has). */
function doneCount(lesson: Lesson, completed: readonly number[] | undefined): number {
  return new Set((completed ?? []).filter((i) => i >= 0 && i < lesson.steps.length)).size;
}

function ProgressFile({ tutorial, busy }: { tutorial: Tutorial; busy: boolean }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const exportFile = () => {
    const blob = new Blob([tutorial.exportProgress()], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = EXPORT_NAME;
    document.body.append(a);
    a.click();
    a.remove();
    // After the click has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // The same file can be chosen again after a fix.
    input.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ ok: false, text: `Could not read ${file.name}.` });
      return;
    }
    const r = tutorial.importProgress(text);
    setMessage(
      r.ok
        ? { ok: true, text: `Progress imported from ${file.name}.` }
        : { ok: false, text: `${file.name} was not imported: ${r.error}` },
    );
  };
  return (
    <div className="lesson-progress-file">
      <button type="button" data-testid="lesson-export" onClick={exportFile}>
        Export progress
      </button>
      <label className="lesson-file-button" aria-disabled={busy}>
        Import progress
        <input
          type="file"
          className="visually-hidden"
          accept="application/json,.json"
          data-testid="lesson-import"
          disabled={busy}
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </label>
      {message && (
        <p
          className={message.ok ? 'lesson-ok' : 'lesson-error'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}

function SandboxView({ tutorial }: { tutorial: Tutorial }) {
  const intro = useTutorialState((s) => s.catalog.sandbox?.intro, undefined);
  const paste = (text: string) => tutorial.paste(text);
  return (
    <div className="lesson-body">
      {intro ? (
        <Markdown text={intro} onPaste={paste} />
      ) : (
        <p>A cluster of your own to try things in. Nothing here is checked.</p>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The lesson open: its steps, the current one's text and what completes it.

function LessonView({
  tutorial,
  lesson,
  stepIndex,
  busy,
}: {
  tutorial: Tutorial;
  lesson: Lesson;
  stepIndex: number;
  busy: boolean;
}) {
  const progress = useTutorialState((s) => s.progress.lessons[lesson.id], undefined);
  const done = useTutorialState(stepDone, false);
  const step = useTutorialState(currentStep, undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const paste = (text: string) => tutorial.paste(text);

  // A new step: focus follows it when it was in the panel (a Next or step button, which may be
  // gone by now, leaving the focus on the page's body), never taken from the terminal.
  const shownStep = useRef(`${lesson.id}/${stepIndex}`);
  useEffect(() => {
    const key = `${lesson.id}/${stepIndex}`;
    if (shownStep.current === key) return;
    shownStep.current = key;
    const el = heading.current;
    const panel = el?.closest('.lesson');
    const active = document.activeElement;
    if (el && panel && (!active || active === document.body || panel.contains(active))) el.focus();
  }, [lesson.id, stepIndex]);

  const completed = new Set(progress?.completed ?? []);
  const n = lesson.steps.length;
  return (
    <div className="lesson-body">
      <nav aria-label="Steps" className="lesson-steps">
        <ol>
          {lesson.steps.map((s, i) => (
            <li key={i}>
              <button
                type="button"
                aria-current={i === stepIndex ? 'step' : undefined}
                disabled={busy}
                onClick={() => {
                  // Another step's world is made afresh, replacing what is in this one.
                  if (i === stepIndex) return;
                  if (
                    window.confirm(
                      `Open step ${i + 1}, “${s.title}”? Its cluster and files are prepared by doing the steps before it; what you did in this lesson's world so far is replaced.`,
                    )
                  )
                    run(tutorial.goToStep(i));
                }}
              >
                <span
                  className={completed.has(i) ? 'lesson-ok' : 'lesson-muted'}
                  aria-hidden="true"
                >
                  {completed.has(i) ? '✓' : `${i + 1}.`}
                </span>{' '}
                {s.title}
                {completed.has(i) && <span className="visually-hidden"> (done)</span>}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {stepIndex === 0 && lesson.intro && (
        <div className="lesson-intro">
          <Markdown text={lesson.intro} onPaste={paste} disabled={busy} />
        </div>
      )}
      {step && (
        <article
          className={`lesson-step lesson-${step.kind}`}
          aria-labelledby={`${lesson.id}-step`}
        >
          <h3 ref={heading} id={`${lesson.id}-step`} tabIndex={-1} data-testid="lesson-step">
            <span className="lesson-counter">
              Step {stepIndex + 1} of {n}
            </span>{' '}
            <span className="lesson-step-title">{step.title}</span>
          </h3>
          {step.text && <Markdown text={step.text} onPaste={paste} disabled={busy} />}
          {step.kind === 'task' && (
            <TaskParts
              tutorial={tutorial}
              step={step}
              stepIndex={stepIndex}
              hints={progress?.hints[stepIndex] ?? 0}
              solutionShown={progress?.solutions.includes(stepIndex) ?? false}
              busy={busy}
            />
          )}
          {step.kind === 'reading' && !done && (
            <div className="lesson-actions">
              <button
                type="button"
                className="accent"
                data-testid="lesson-continue"
                disabled={busy}
                onClick={() => run(tutorial.continueReading())}
              >
                Continue
              </button>
            </div>
          )}
          {step.kind === 'question' && (
            <Question
              key={`${lesson.id}/${stepIndex}`}
              tutorial={tutorial}
              step={step}
              done={done}
              busy={busy}
            />
          )}
          {done && (
            <Finished tutorial={tutorial} lesson={lesson} stepIndex={stepIndex} busy={busy} />
          )}
          {step.kind === 'task' && (
            <div className="lesson-actions lesson-resets">
              <button
                type="button"
                data-testid="lesson-reset-step"
                disabled={busy}
                title="This step again, its cluster and files as they were when it began"
                onClick={() => run(tutorial.resetStep())}
              >
                Reset step
              </button>
              <ResetLesson tutorial={tutorial} lesson={lesson} busy={busy} />
            </div>
          )}
          {step.kind !== 'task' && (
            <div className="lesson-actions lesson-resets">
              <ResetLesson tutorial={tutorial} lesson={lesson} busy={busy} />
            </div>
          )}
        </article>
      )}
    </div>
  );
}

function ResetLesson({
  tutorial,
  lesson,
  busy,
}: {
  tutorial: Tutorial;
  lesson: Lesson;
  busy: boolean;
}) {
  return (
    <button
      type="button"
      data-testid="lesson-reset-lesson"
      disabled={busy}
      onClick={() => {
        if (
          window.confirm(
            `Start “${lesson.title}” again from its first step? Its cluster and files go back to how the lesson begins.`,
          )
        )
          run(tutorial.resetLesson());
      }}
    >
      Reset lesson
    </button>
  );
}

function TaskParts({
  tutorial,
  step,
  stepIndex,
  hints,
  solutionShown,
  busy,
}: {
  tutorial: Tutorial;
  step: Step;
  stepIndex: number;
  hints: number;
  solutionShown: boolean;
  busy: boolean;
}) {
  const results = useTutorialState((s) => s.checks, undefined);
  const shown = Math.min(hints, step.hints.length);
  const paste = (text: string) => tutorial.paste(text);
  return (
    <>
      <div className="lesson-checks" data-testid="lesson-checks">
        <h4>Checked by</h4>
        <ul>
          {step.checks.map((check, i) => {
            // Results of another step may be there for a moment while this one's run.
            const r = results?.[i];
            const pass =
              r !== undefined && r.check.command === check.command && r.check.line === check.line
                ? r.pass
                : false;
            return (
              <li
                key={`${stepIndex}-${i}`}
                className={pass ? 'pass' : 'pending'}
                title={check.command}
              >
                <span className={pass ? 'lesson-ok' : 'lesson-muted'} aria-hidden="true">
                  {pass ? '✓' : '○'}
                </span>{' '}
                <code>{shortCommand(check.command)}</code>
                <span className="visually-hidden">{pass ? ': passed' : ': not yet'}</span>
              </li>
            );
          })}
        </ul>
      </div>
      {step.hints.length > 0 && (
        <div className="lesson-hints" data-testid="lesson-hints">
          {shown > 0 && (
            <ol>
              {step.hints.slice(0, shown).map((h, i) => (
                <li key={i}>
                  <span className="lesson-hint-label">Hint {i + 1}</span>
                  <Markdown text={h} onPaste={paste} disabled={busy} />
                </li>
              ))}
            </ol>
          )}
          {shown < step.hints.length && (
            <button
              type="button"
              data-testid="lesson-hint-button"
              disabled={busy}
              onClick={() => tutorial.revealHint()}
            >
              Show a hint ({shown + 1} of {step.hints.length})
            </button>
          )}
        </div>
      )}
      {solutionShown ? (
        <div className="lesson-solution" data-testid="lesson-solution">
          <h4>Solution</h4>
          <p className="lesson-muted">Paste a line onto the prompt, then press Enter to run it.</p>
          <ol>
            {step.solution.map((command, i) => (
              <li key={i}>
                <pre>
                  <code>{command}</code>
                </pre>
                <PasteButton command={command} onPaste={paste} disabled={busy} />
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <div className="lesson-actions">
          <button
            type="button"
            data-testid="lesson-solution-button"
            disabled={busy}
            onClick={() => tutorial.showSolution()}
          >
            Show solution
          </button>
        </div>
      )}
    </>
  );
}

function Question({
  tutorial,
  step,
  done,
  busy,
}: {
  tutorial: Tutorial;
  step: Step;
  done: boolean;
  busy: boolean;
}) {
  const feedback = useTutorialState((s) => s.answer, undefined);
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<number | undefined>();
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (step.choices) {
      if (choice !== undefined) tutorial.choose(choice);
    } else if (text.trim() !== '') tutorial.answer(text);
  };
  const off = busy || done;
  return (
    <form className="lesson-question" onSubmit={submit}>
      {step.choices ? (
        <fieldset disabled={off}>
          <legend>Your answer</legend>
          {step.choices.map((c, i) => (
            <label key={i} className="lesson-choice">
              <input
                type="radio"
                name={id}
                value={i}
                checked={choice === i}
                onChange={() => setChoice(i)}
              />{' '}
              {c.text}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="lesson-answer-row">
          <label htmlFor={id}>Your answer</label>
          <input
            id={id}
            type="text"
            data-testid="lesson-answer-input"
            autoComplete="off"
            spellCheck={false}
            value={text}
            disabled={off}
            onChange={(e) => setText(e.target.value)}
          />
        </p>
      )}
      {!done && (
        <div className="lesson-actions">
          <button
            type="submit"
            className="accent"
            data-testid="lesson-answer-button"
            disabled={busy || (step.choices ? choice === undefined : text.trim() === '')}
          >
            Answer
          </button>
        </div>
      )}
      {feedback && (
        <p className={feedback.correct ? 'lesson-ok' : 'lesson-error'}>
          {feedback.correct ? (
            <>✓ Right: “{feedback.text}”.</>
          ) : (
            <>✗ “{feedback.text}” is not it. Read the step again, or try another answer.</>
          )}
        </p>
      )}
    </form>
  );
}

/** The step is done: on to the next one, or to the next lesson after the last. */
function Finished({
  tutorial,
  lesson,
  stepIndex,
  busy,
}: {
  tutorial: Tutorial;
  lesson: Lesson;
  stepIndex: number;
  busy: boolean;
}) {
  const lessons = useTutorialState((s) => s.catalog.lessons, []);
  const last = stepIndex >= lesson.steps.length - 1;
  // The learner is typing in the terminal: bring the confirmation and its button into the
  // panel's view, without taking the keyboard away.
  const shown = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A block, not an expression: newer browsers return a promise here, which is no cleanup.
    void shown.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, []);
  if (!last)
    return (
      <div className="lesson-done" ref={shown}>
        <p className="lesson-ok">✓ Step complete</p>
        <button
          type="button"
          className="accent"
          data-testid="lesson-next"
          disabled={busy}
          onClick={() => run(tutorial.next())}
        >
          Next step
        </button>
      </div>
    );
  const at = lessons.findIndex((l) => l.id === lesson.id);
  const following = at < 0 ? undefined : lessons[at + 1];
  return (
    <div className="lesson-done" ref={shown}>
      <p className="lesson-ok">✓ Lesson complete</p>
      {following ? (
        <button
          type="button"
          className="accent"
          data-testid="lesson-next-lesson"
          disabled={busy}
          onClick={() => run(tutorial.openLesson(following.id))}
        >
          Next lesson: {following.title}
        </button>
      ) : (
        <>
          <p>That was the last lesson of the course.</p>
          <button
            type="button"
            data-testid="lesson-next-lesson"
            disabled={busy}
            onClick={() => run(tutorial.openSandbox())}
          >
            Open the sandbox
          </button>
        </>
      )}
    </div>
  );
}
