import type { Resource } from '@medplum/fhirtypes';

/**
 * Sorted search matches, reused while the repository is unchanged. Paging through a large chart
 * (fhirclient follows `next` links) would otherwise re-run the whole search and sort for every
 * page. Any write, transaction rollback or reset clears the cache.
 */
export class SearchCache {
  private readonly entries = new Map<string, readonly Resource[]>();
  private readonly maxEntries: number;

  /**
   * @param maxEntries - How many distinct searches to keep (oldest dropped first).
   */
  constructor(maxEntries = 32) {
    this.maxEntries = maxEntries;
  }

  /**
   * The cached matches of a search.
   * @param key - The search's cache key.
   */
  get(key: string): readonly Resource[] | undefined {
    return this.entries.get(key);
  }

  /**
   * Stores the sorted matches of a search.
   * @param key - The search's cache key.
   * @param matches - All matches, sorted.
   */
  set(key: string, matches: readonly Resource[]): void {
    this.entries.delete(key);
    this.entries.set(key, matches);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets everything (the repository changed). */
  clear(): void {
    this.entries.clear();
  }
}
