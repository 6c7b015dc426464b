/** A failure the user should see, announced to screen readers; renders nothing without one. */
export function ErrorBanner({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="banner error" role="alert">
      {message}
    </p>
  );
}
