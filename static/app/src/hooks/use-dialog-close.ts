import { useEffect } from 'react';
import type { KeyboardOrMouseEvent } from '@atlaskit/modal-dialog';

/*
 * Atlaskit's ModalDialog closes on an Escape keydown that reaches `window`. A Select, a date or a time
 * picker inside the dialog closes its own menu on that same key press, and does not stop it: one Escape
 * closed the menu and the whole dialog, with the admin's edits. A capture listener sees the key press
 * before any picker handles it, while the menu is still open, and notes it; the dialog then ignores it.
 */
const menuEscapes = new WeakSet<Event>();
let guards = 0;

/** Every Atlaskit Select and the date and time pickers (react-select) mark their input like this while a menu or calendar is open. */
const OPEN_POPUP = '[role="combobox"][aria-expanded="true"]';

function noteMenuEscape(event: KeyboardEvent): void {
  if (event.key !== 'Escape') return;
  // A picker closes its menu when it loses focus, so an open one holds the focus: this Escape is its own.
  if (document.querySelector(OPEN_POPUP)) menuEscapes.add(event);
}

/** Installs the capture listener for as long as a dialog using `closesAMenu` is open. */
export function useMenuEscapeGuard(): void {
  useEffect(() => {
    guards += 1;
    if (guards === 1) window.addEventListener('keydown', noteMenuEscape, true);
    return () => {
      guards -= 1;
      if (guards === 0) window.removeEventListener('keydown', noteMenuEscape, true);
    };
  }, []);
}

function nativeOf(event: KeyboardOrMouseEvent | undefined): Event | undefined {
  if (!event) return undefined;
  return 'nativeEvent' in event ? event.nativeEvent : event;
}

/** True for the Escape that closed a select's menu or a picker's calendar: the dialog must stay open. */
export function closesAMenu(event: KeyboardOrMouseEvent | undefined): boolean {
  const native = nativeOf(event);
  return native !== undefined && menuEscapes.has(native);
}
