import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { copyText } from '../browser/copy-text';
import { VisuallyHidden } from './VisuallyHidden';

interface Props {
  text: string;
  /** What is copied, read after the visible "Copy" by screen readers: "the curl command". */
  label: string;
  testId?: string;
}

/** "Copy" that says "Copied" for a moment (announced politely), or asks to copy by hand if it could not. */
export function CopyButton({ text, label, testId }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    const copied = await copyText(text);
    setState(copied ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 3_000);
  };

  return (
    <>
      <Button spacing="compact" onClick={() => void copy()} testId={testId}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
        <VisuallyHidden> {label}</VisuallyHidden>
      </Button>
      <VisuallyHidden>
        <span role="status">{state === 'copied' ? 'Copied to the clipboard' : state === 'failed' ? 'Could not copy: select the text and copy it' : ''}</span>
      </VisuallyHidden>
    </>
  );
}
