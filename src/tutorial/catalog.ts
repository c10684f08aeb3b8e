// The course as a whole: every lesson file read, checked against the others (one id each, one
// sandbox at most) and put in the order of its file name (`01-…`, `02-…`).
import { parseLesson, type Lesson } from './lesson';

export interface LessonFile {
  /** The file's name, e.g. `01-imperative.md`. */
  name: string;
  text: string;
}

export interface CatalogError {
  file: string;
  line: number;
  message: string;
}

export interface Catalog {
  /** The track, in order (the sandbox is not in it). */
  lessons: Lesson[];
  sandbox: Lesson | undefined;
  errors: CatalogError[];
}

export function readCatalog(files: readonly LessonFile[]): Catalog {
  const errors: CatalogError[] = [];
  const lessons: Lesson[] = [];
  let sandbox: Lesson | undefined;
  const seen = new Map<string, string>();
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name));
  for (const file of sorted) {
    const parsed = parseLesson(file.text);
    if (!parsed.ok) {
      for (const e of parsed.errors) errors.push({ file: file.name, ...e });
      continue;
    }
    const { lesson } = parsed;
    const other = seen.get(lesson.id);
    if (other) {
      errors.push({
        file: file.name,
        line: 1,
        message: `id "${lesson.id}" is already the id of ${other}`,
      });
      continue;
    }
    seen.set(lesson.id, file.name);
    if (lesson.mode === 'sandbox') {
      if (sandbox)
        errors.push({ file: file.name, line: 1, message: 'only one lesson may be the sandbox' });
      else sandbox = lesson;
    } else lessons.push(lesson);
  }
  return { lessons, sandbox, errors };
}

/** `file:line: message`, as compilers print it. */
export function formatError(e: CatalogError, dir = 'lessons'): string {
  return `${dir}/${e.file}:${e.line}: ${e.message}`;
}
