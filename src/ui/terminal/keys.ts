// What xterm sends, as keys: escape sequences named, a run of printable characters kept whole.
export type KeyName =
  | 'enter'
  | 'backspace'
  | 'delete'
  | 'tab'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'home'
  | 'end'
  | 'wordLeft'
  | 'wordRight'
  | 'killWordLeft'
  | 'killWordRight'
  | 'escape'
  | 'ignored';

/** Printable text, a named key, or Ctrl with a letter (`ctrl: 'a'`). `raw` is what was sent. */
export type Key =
  | { t: 'text'; text: string; raw: string }
  | { t: 'key'; name: KeyName; raw: string }
  | { t: 'ctrl'; ctrl: string; raw: string };

const CSI_KEYS: Record<string, KeyName> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  '1~': 'home',
  '7~': 'home',
  '4~': 'end',
  '8~': 'end',
  '3~': 'delete',
  '1;5C': 'wordRight',
  '1;3C': 'wordRight',
  '1;5D': 'wordLeft',
  '1;3D': 'wordLeft',
};
const ALT_KEYS: Record<string, KeyName> = {
  b: 'wordLeft',
  f: 'wordRight',
  d: 'killWordRight',
  '\x7f': 'killWordLeft',
  '\b': 'killWordLeft',
};

/** Splits what xterm sends into keys; a run of printable characters is one key. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  const named = (name: KeyName, raw: string) => keys.push({ t: 'key', name, raw });
  while (i < data.length) {
    const c = data[i] as string;
    if (c === '\x1b') {
      const next = data[i + 1];
      if (next === '[' || next === 'O') {
        const m = /^[0-9;?]*[\x20-\x2f]*[\x40-\x7e]/.exec(data.slice(i + 2));
        const body = m ? m[0] : '';
        const raw = data.slice(i, i + 2 + body.length);
        named(CSI_KEYS[body] ?? 'ignored', raw);
        i += raw.length;
      } else if (next === undefined || next === '\x1b') {
        named('escape', c);
        i++;
      } else {
        named(ALT_KEYS[next] ?? 'ignored', data.slice(i, i + 2));
        i += 2;
      }
    } else if (c === '\r' || c === '\n') {
      const raw = c === '\r' && data[i + 1] === '\n' ? '\r\n' : c;
      named('enter', raw);
      i += raw.length;
    } else if (c === '\x7f' || c === '\b') {
      named('backspace', c);
      i++;
    } else if (c === '\t') {
      named('tab', c);
      i++;
    } else if (c < ' ') {
      keys.push({ t: 'ctrl', ctrl: String.fromCharCode(c.charCodeAt(0) + 96), raw: c });
      i++;
    } else {
      let j = i;
      while (j < data.length && (data[j] as string) >= ' ' && data[j] !== '\x7f') j++;
      keys.push({ t: 'text', text: data.slice(i, j), raw: data.slice(i, j) });
      i = j;
    }
  }
  return keys;
}
