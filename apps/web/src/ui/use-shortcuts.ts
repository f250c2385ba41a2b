import { useEffect, useRef } from 'react';

export type ShortcutMap = Readonly<Record<string, () => void>>;

const nonTextInputs = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color']);

/** Typing in a field must not trigger shortcuts; a focused radio (segmented control) or button must not block them. */
const isTyping = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !nonTextInputs.has(target.type);
};

/** Single-key shortcuts (`j`, `k`, `?`, `Enter`…), ignored while the agent types in a field. */
export const useShortcuts = (shortcuts: ShortcutMap, enabled = true): void => {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const action = latest.current[event.key];
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
};
