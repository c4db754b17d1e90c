import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import './globals.css';

export const metadata: Metadata = {
  title: 'Spine Red-Flag Screener',
  description: 'Screens back pain for red flags and proposes imaging for the clinician to sign.',
  referrer: 'same-origin',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request so that the CSP nonce from proxy.ts applies to its scripts.
  await headers();
  return (
    <html lang="en">
      <body>
        <header className="app-header">
          <span className="brand">Spine Red-Flag Screener</span>
          <span className="disclaimer">
            Decision support only: every suggestion needs clinician review.
          </span>
        </header>
        {children}
      </body>
    </html>
  );
}
