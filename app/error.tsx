'use client';

/** Last-resort boundary: an unexpected error still gets words and a way forward. */
export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main>
      <section className="error-panel" role="alert">
        <h1>Something went wrong</h1>
        <p>The app hit an unexpected error. Nothing has been saved to the EHR by this page.</p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>
      </section>
    </main>
  );
}
