'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { SmartSession } from '@/lib/smart/session';

const SmartSessionContext = createContext<SmartSession | undefined>(undefined);

/** Makes the connected session available to the screens under it. */
export function SmartSessionProvider({
  session,
  children,
}: {
  session: SmartSession;
  children: ReactNode;
}) {
  return <SmartSessionContext.Provider value={session}>{children}</SmartSessionContext.Provider>;
}

/** The connected session; only valid under {@link SmartSessionProvider}. */
export function useSmartSession(): SmartSession {
  const session = useContext(SmartSessionContext);
  if (!session) throw new Error('useSmartSession() used outside <SmartSessionProvider>.');
  return session;
}
