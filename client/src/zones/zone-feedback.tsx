import type { Feedback } from './use-zone-workflow';

/** The outcome of the last zone write: an error is announced, a success only shown. */
export function ZoneFeedback({ feedback }: { feedback: Feedback | null }) {
  if (!feedback) return null;
  const error = feedback.tone === 'error';
  return (
    <p
      className={`panel-note${error ? ' panel-note--error' : ''}`}
      data-testid="zone-feedback"
      data-tone={feedback.tone}
      role={error ? 'alert' : 'status'}
    >
      {feedback.text}
    </p>
  );
}
