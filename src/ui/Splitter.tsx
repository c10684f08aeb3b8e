// A draggable divider between two panes, also movable with the arrow keys (a WAI-ARIA
// window splitter). The size is a percentage kept in a CSS variable on the layout.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  orientation: 'vertical' | 'horizontal';
  label: string;
  /** Percentage of the first pane. */
  value: number;
  onChange: (value: number) => void;
}

const MIN = 15;
const MAX = 85;
const clamp = (v: number) => Math.min(MAX, Math.max(MIN, v));

export function Splitter({ orientation, label, value, onChange }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const parent = ref.current?.parentElement;
    if (!parent) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const box = parent.getBoundingClientRect();
    const move = (ev: globalThis.PointerEvent) => {
      const v =
        orientation === 'vertical'
          ? ((ev.clientX - box.left) / box.width) * 100
          : ((ev.clientY - box.top) / box.height) * 100;
      onChange(clamp(v));
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    const forward = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    const step = e.shiftKey ? 10 : 2;
    if (e.key === back) onChange(clamp(value - step));
    else if (e.key === forward) onChange(clamp(value + step));
    else if (e.key === 'Home') onChange(MIN);
    else if (e.key === 'End') onChange(MAX);
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={ref}
      className={`splitter splitter-${orientation}`}
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
