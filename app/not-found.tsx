import Link from 'next/link';

export default function NotFound() {
  return (
    <main>
      <h1>Page not found</h1>
      <p>
        There is no such page. Open the app from your EHR, or go to the{' '}
        <Link href="/">start page</Link>.
      </p>
    </main>
  );
}
