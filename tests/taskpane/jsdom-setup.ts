/**
 * What jsdom lacks and Fluent UI uses: ResizeObserver (TabList and MessageBar measure themselves)
 * and matchMedia. Imported first by the component tests.
 *
 * The pane fetches every step but 识别 on demand and, once idle, all of them; the tests of what
 * the steps do start with them fetched (tests/taskpane/steps-on-demand.test.tsx covers the fetch).
 */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
if (typeof g.ResizeObserver === 'undefined') g.ResizeObserver = NoopResizeObserver;
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (typeof window !== 'undefined') {
  const { preloadSteps } = await import('../../src/taskpane/components/steps');
  await preloadSteps();
}

export {};
