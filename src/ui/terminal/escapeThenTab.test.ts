import { describe, expect, it } from 'vitest';
import { escapeThenTab, type KeyEventLike } from './escapeThenTab';

const down = (key: string, mods: Partial<KeyEventLike> = {}): KeyEventLike => ({
  type: 'keydown',
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});
const up = (key: string): KeyEventLike => ({ ...down(key), type: 'keyup' });

describe('escapeThenTab', () => {
  it('lets the Tab or Shift-Tab right after Escape leave, and only that one', () => {
    const leaves = escapeThenTab();
    expect(leaves(down('Tab'))).toBe(false);
    expect(leaves(down('Escape'))).toBe(false);
    expect(leaves(up('Escape'))).toBe(false);
    expect(leaves(down('Tab'))).toBe(true);
    expect(leaves(down('Tab'))).toBe(false);
    leaves(down('Escape'));
    // Shift goes down on its own before Shift-Tab.
    expect(leaves(down('Shift', { shiftKey: true }))).toBe(false);
    expect(leaves(down('Tab', { shiftKey: true }))).toBe(true);
  });

  it('completes as usual when another key came between, or with Ctrl, Alt or Meta', () => {
    const leaves = escapeThenTab();
    leaves(down('Escape'));
    leaves(down('a'));
    expect(leaves(down('Tab'))).toBe(false);
    leaves(down('Escape'));
    expect(leaves(down('Tab', { ctrlKey: true }))).toBe(false);
    expect(leaves(down('Tab'))).toBe(false);
    leaves(down('Escape', { altKey: true }));
    expect(leaves(down('Tab'))).toBe(false);
  });
});
