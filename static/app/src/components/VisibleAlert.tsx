import { useEffect, useRef, type ReactNode } from 'react';

/** Inside the window and inside every scrolling box around it (a dialog's body). */
function fullyVisible(element: Element): boolean {
  const box = element.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) return false;
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if (overflowY !== 'auto' && overflowY !== 'scroll') continue;
    const frame = parent.getBoundingClientRect();
    if (box.top < frame.top || box.bottom > frame.bottom) return false;
  }
  return true;
}

interface Props {
  children: ReactNode;
  testId?: string;
}

/**
 * An alert that is seen where it appears: announced (role=alert) and scrolled into view when it mounts.
 * A save refused for a reason no field shows (a conflict, the configuration being busy) would otherwise
 * land out of sight in a long scrolled dialog, and the Save click would look like it did nothing.
 * Focus stays where it was (usually the button that failed), so trying again is one key press.
 */
export function VisibleAlert({ children, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    // Nothing moves when the message is already in view. Otherwise it comes to the middle, so what is
    // next to it (the dialog's buttons, under a message placed above them) shows too.
    if (!element) return;
    if (!fullyVisible(element)) element.scrollIntoView({ block: 'center' });
    // The message pushed the button that failed (Save) down: bring it back, unless that hides the message.
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && focused !== document.body && !fullyVisible(focused)) {
      focused.scrollIntoView({ block: 'nearest' });
      if (!fullyVisible(element)) element.scrollIntoView({ block: 'nearest' });
    }
  }, []);
  return (
    <div ref={ref} role="alert" data-testid={testId}>
      {children}
    </div>
  );
}
