'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { createDraftStore, type DraftStore } from '@/lib/drafts';

/** Opens the draft store: encrypted IndexedDB in the browser, memory where storage is unavailable. */
export type DraftStoreOpener = () => Promise<DraftStore>;

let shared: Promise<DraftStore> | undefined;

/** The browser's draft store, opened once per page on first use (never during render on the server). */
const openSharedStore: DraftStoreOpener = () => {
  shared ??= createDraftStore();
  return shared;
};

const DraftStoreContext = createContext<DraftStoreOpener>(openSharedStore);

/**
 * Provides the draft store to the screens under it. The app uses the browser's store; tests pass
 * their own (e.g. IndexedDB from fake-indexeddb, to reload a screen against the same storage).
 */
export function DraftStoreProvider({
  open,
  children,
}: {
  open: DraftStoreOpener;
  children: ReactNode;
}) {
  return <DraftStoreContext.Provider value={open}>{children}</DraftStoreContext.Provider>;
}

/** How to open the draft store (call it from an effect or an event handler). */
export function useDraftStore(): DraftStoreOpener {
  return useContext(DraftStoreContext);
}
