import { Component, type ErrorInfo, type ReactNode } from 'react';
import SectionMessage from '@atlaskit/section-message';

interface State {
  failed: boolean;
}

/** A rendering bug shows a sentence and a way out instead of a blank iframe. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for developers; the user sees the message below.
    console.error('Agent Studio Relay page crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <SectionMessage appearance="error" title="This page stopped working" testId="page-crashed">
        <p>Reload the page to try again. If it keeps happening, contact your Jira administrator.</p>
      </SectionMessage>
    );
  }
}
