// A part of the page that fails shows why and offers a way out; the rest of the page stays.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What this part is called, for the message ("the terminal"). */
  name: string;
  /** Starts the lesson fresh; offered when retrying is not enough. */
  onReset: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.name} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="pane-error" role="alert">
        <p>
          Something went wrong in {this.props.name}: <code>{error.message}</code>
        </p>
        <p>Everything else on the page still works.</p>
        <div className="row">
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button
            type="button"
            onClick={() => {
              this.props.onReset();
              this.setState({ error: null });
            }}
          >
            Reset the lesson
          </button>
        </div>
      </div>
    );
  }
}
