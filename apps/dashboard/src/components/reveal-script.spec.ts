import { readFileSync } from 'node:fs';
import { REVEAL_SCRIPT, REVEAL_TIME_GLOBAL } from './reveal-script';

describe('reveal script', () => {
  const global = window as unknown as Record<string, unknown>;
  afterEach(() => {
    delete global[REVEAL_TIME_GLOBAL];
  });

  it('keeps the reveal time undefined whatever the streaming runtime assigns to it', () => {
    new Function(REVEAL_SCRIPT)();
    global[REVEAL_TIME_GLOBAL] = performance.now();
    expect(typeof global[REVEAL_TIME_GLOBAL]).toBe('undefined');
  });

  it("names the global that the streaming runtime of Next's React throttles reveals on", () => {
    // The React that Next renders the app's HTML with: its `$RC` reveals at once (next frame) when `$RT`
    // is not a number and throttles otherwise. If this fails, React renamed it: see reveal-script.ts.
    const runtime = readFileSync(
      require.resolve('next/dist/compiled/react-dom/cjs/react-dom-server.node.production.js'),
      'utf8',
    );
    expect(runtime).toContain(`"number"!==typeof ${REVEAL_TIME_GLOBAL}?requestAnimationFrame(`);
  });
});
