// Keeps the pages of a list the tree has loaded so far, and loads the next one on request.
// Pure: no `vscode` import. Follows the "load more, never load all" pattern: pages already
// loaded are kept, at most one page load is in flight, and a failed load keeps what was there.

/** The part of the REST client's `Page<T>` this module needs. */
export interface PageLike<T> {
  items: T[];
  hasNextPage: boolean;
  nextPage(): Promise<PageLike<T> | null>;
}

export type PagedListState = 'idle' | 'loading' | 'loaded' | 'error';

export class PagedList<T> {
  private loaded: T[] = [];
  private lastPage: PageLike<T> | undefined;
  private inFlight: Promise<void> | undefined;
  private failure: unknown;
  /** Bumped by `reset()`: a load started before a reset must not write into the new state. */
  private generation = 0;

  constructor(private readonly loadFirstPage: () => Promise<PageLike<T>>) {}

  /** Items of every page loaded so far, in order. */
  get items(): readonly T[] {
    return this.loaded;
  }

  get state(): PagedListState {
    if (this.inFlight) {
      return 'loading';
    }
    if (this.failure !== undefined) {
      return 'error';
    }
    return this.lastPage ? 'loaded' : 'idle';
  }

  /** The error of the last load, if it failed. */
  get error(): unknown {
    return this.failure;
  }

  /** True when the first page was loaded and the server said there are more. */
  get hasMore(): boolean {
    return this.lastPage !== undefined && this.lastPage.hasNextPage;
  }

  /** True once the first page has arrived. */
  get started(): boolean {
    return this.lastPage !== undefined;
  }

  /**
   * Loads the first page, or the next one. While a load is in flight, every caller gets the same
   * promise (one page load at a time). Never rejects: a failure is kept in `error` and `state`,
   * and calling again retries the page that failed.
   */
  loadMore(): Promise<void> {
    if (this.inFlight) {
      return this.inFlight;
    }
    if (this.lastPage && !this.lastPage.hasNextPage) {
      return Promise.resolve();
    }
    const generation = this.generation;
    const previous = this.lastPage;
    this.failure = undefined;
    const load = (async () => {
      try {
        const page = previous ? await previous.nextPage() : await this.loadFirstPage();
        if (generation !== this.generation) {
          return;
        }
        if (page) {
          this.loaded = this.loaded.concat(page.items);
          this.lastPage = page;
        } else if (previous) {
          // The server had no next page after all.
          this.lastPage = { items: [], hasNextPage: false, nextPage: () => Promise.resolve(null) };
        }
      } catch (error) {
        if (generation === this.generation) {
          this.failure = error ?? new Error('unknown error');
        }
      } finally {
        if (generation === this.generation) {
          this.inFlight = undefined;
        }
      }
    })();
    this.inFlight = load;
    return load;
  }

  /** Forgets every loaded page; the next `loadMore()` starts from the first page again. */
  reset(): void {
    this.generation++;
    this.loaded = [];
    this.lastPage = undefined;
    this.inFlight = undefined;
    this.failure = undefined;
  }

  /** Replaces one loaded item in place (after an update made through the extension). */
  replace(predicate: (item: T) => boolean, next: T): boolean {
    const index = this.loaded.findIndex(predicate);
    if (index < 0) {
      return false;
    }
    this.loaded = [...this.loaded.slice(0, index), next, ...this.loaded.slice(index + 1)];
    return true;
  }

  /** Removes loaded items (after a delete made through the extension). Returns how many were removed. */
  remove(predicate: (item: T) => boolean): number {
    const before = this.loaded.length;
    this.loaded = this.loaded.filter((item) => !predicate(item));
    return before - this.loaded.length;
  }
}
