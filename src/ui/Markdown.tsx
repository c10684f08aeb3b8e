// A lesson's Markdown as React elements, built from `marked`'s tokens: no HTML string ever reaches
// the page, so a lesson cannot inject markup or scripts (raw HTML in a lesson shows as text).
// Shell blocks can be put on the terminal's prompt, never run from here.
import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Token, Tokens } from 'marked';
import {
  codeKind,
  decodeEntities,
  headingLevel,
  lex,
  pasteText,
  safeHref,
  shortCommand,
  transcript,
} from './markdown';

export interface MarkdownProps {
  text: string;
  /** Puts a command on the terminal's prompt; without it, code blocks only offer Copy. */
  onPaste?: (text: string) => void;
  /** Paste buttons are off (the lesson's world is being prepared). */
  disabled?: boolean;
}

interface Ctx {
  onPaste: ((text: string) => void) | undefined;
  disabled: boolean;
}

export const Markdown = memo(function Markdown({ text, onPaste, disabled = false }: MarkdownProps) {
  const tokens = useMemo(() => lex(text), [text]);
  return <div className="markdown">{blocks(tokens, { onPaste, disabled })}</div>;
});

function blocks(tokens: readonly Token[], ctx: Ctx): ReactNode[] {
  return tokens.map((t, i) => block(t, i, ctx));
}

function block(token: Token, key: number, ctx: Ctx): ReactNode {
  const t = token as Tokens.Generic;
  switch (t.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return <p key={key}>{inline((t as Tokens.Paragraph).tokens)}</p>;
    case 'heading': {
      const h = t as Tokens.Heading;
      const Tag = `h${headingLevel(h.depth)}` as const;
      return <Tag key={key}>{inline(h.tokens)}</Tag>;
    }
    case 'blockquote':
      return <blockquote key={key}>{blocks((t as Tokens.Blockquote).tokens, ctx)}</blockquote>;
    case 'list': {
      const list = t as Tokens.List;
      const items = list.items.map((item, i) => (
        <li key={i}>
          {item.task && <input type="checkbox" checked={item.checked ?? false} disabled readOnly />}
          {blocks(item.tokens, ctx)}
        </li>
      ));
      return list.ordered ? (
        <ol key={key} start={typeof list.start === 'number' ? list.start : undefined}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'code': {
      const c = t as Tokens.Code;
      return (
        <CodeBlock
          key={key}
          lang={c.codeBlockStyle === 'indented' ? 'text' : c.lang}
          text={c.text}
          ctx={ctx}
        />
      );
    }
    case 'table':
      return <Table key={key} table={t as Tokens.Table} />;
    case 'hr':
      return <hr key={key} />;
    case 'html':
      // Shown as written: the page never turns a lesson's text into markup.
      return (
        <p key={key} className="md-raw">
          {(t as Tokens.HTML).text}
        </p>
      );
    case 'text': {
      // A tight list item's text: inline pieces without a paragraph around them.
      const text = t as Tokens.Text;
      return <span key={key}>{text.tokens ? inline(text.tokens) : decodeEntities(text.text)}</span>;
    }
    default:
      return t.tokens ? (
        <div key={key}>{blocks(t.tokens, ctx)}</div>
      ) : (
        <p key={key}>{String(t.raw)}</p>
      );
  }
}

function inline(tokens: readonly Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((token, key) => {
    const t = token as Tokens.Generic;
    switch (t.type) {
      case 'text': {
        const text = t as Tokens.Text;
        return text.tokens ? (
          <span key={key}>{inline(text.tokens)}</span>
        ) : (
          decodeEntities(text.text)
        );
      }
      case 'escape':
        return (t as Tokens.Escape).text;
      case 'strong':
        return <strong key={key}>{inline((t as Tokens.Strong).tokens)}</strong>;
      case 'em':
        return <em key={key}>{inline((t as Tokens.Em).tokens)}</em>;
      case 'del':
        return <del key={key}>{inline((t as Tokens.Del).tokens)}</del>;
      case 'codespan':
        return <code key={key}>{(t as Tokens.Codespan).text}</code>;
      case 'br':
        return <br key={key} />;
      case 'link': {
        const link = t as Tokens.Link;
        const href = safeHref(link.href);
        const content = inline(link.tokens);
        if (!href) return <span key={key}>{content}</span>;
        const outside = !href.startsWith('#');
        return (
          <a
            key={key}
            href={href}
            title={link.title ?? undefined}
            {...(outside ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          >
            {content}
            {outside && <span className="visually-hidden"> (opens in a new tab)</span>}
          </a>
        );
      }
      case 'image':
        // Lessons carry no pictures of their own: the description stands in for one.
        return <span key={key}>{(t as Tokens.Image).text}</span>;
      case 'html':
        return (t as Tokens.Tag).text;
      case 'checkbox':
        return (
          <input
            key={key}
            type="checkbox"
            checked={(t as Tokens.Checkbox).checked}
            disabled
            readOnly
          />
        );
      default:
        return t.tokens ? <span key={key}>{inline(t.tokens)}</span> : String(t.raw ?? '');
    }
  });
}

function Table({ table }: { table: Tokens.Table }) {
  const align = (a: Tokens.TableCell['align']) => (a ? { textAlign: a } : undefined);
  return (
    <div className="md-table">
      <table>
        <thead>
          <tr>
            {table.header.map((cell, i) => (
              <th key={i} scope="col" style={align(cell.align)}>
                {inline(cell.tokens)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <td key={i} style={align(cell.align)}>
                  {inline(cell.tokens)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CodeBlock({ lang, text, ctx }: { lang: string | undefined; text: string; ctx: Ctx }) {
  const kind = codeKind(lang);
  if (kind === 'console') return <Transcript text={text} ctx={ctx} />;
  const canPaste = kind === 'shell' && ctx.onPaste;
  return (
    <div className="md-code">
      <pre>
        <code>{text}</code>
      </pre>
      <div className="md-code-actions">
        {canPaste && (
          <PasteButton command={pasteText(text)} onPaste={ctx.onPaste} disabled={ctx.disabled} />
        )}
        <CopyButton text={kind === 'shell' ? pasteText(text) : text} />
      </div>
    </div>
  );
}

/** A terminal session shown in the text: each command can go on the prompt by itself. */
function Transcript({ text, ctx }: { text: string; ctx: Ctx }) {
  const parts = useMemo(() => transcript(text), [text]);
  return (
    <div className="md-code md-console" role="group" aria-label="Terminal session">
      {parts.map((p, i) =>
        p.kind === 'command' ? (
          <div key={i} className="md-console-command">
            <pre>
              <code>{p.shown}</code>
            </pre>
            {ctx.onPaste && (
              <PasteButton command={p.command} onPaste={ctx.onPaste} disabled={ctx.disabled} />
            )}
          </div>
        ) : (
          <pre key={i} className="md-console-output">
            <code>{p.text}</code>
          </pre>
        ),
      )}
    </div>
  );
}

export function PasteButton({
  command,
  onPaste,
  disabled,
}: {
  command: string;
  onPaste: ((text: string) => void) | undefined;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className="md-paste"
      disabled={disabled || !onPaste}
      title="Put this on the terminal's prompt (you press Enter to run it)"
      onClick={() => onPaste?.(command)}
    >
      Paste<span className="visually-hidden">: {shortCommand(command)}</span>
    </button>
  );
}

/** Copies to the clipboard where the page may (a secure page, permission given). */
function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = (s: 'copied' | 'failed') => {
    setState(s);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 1500);
  };
  const copy = () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard?.writeText) return show('failed');
    clipboard.writeText(text).then(
      () => show('copied'),
      () => show('failed'),
    );
  };
  return (
    <button type="button" className="md-copy" onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}
