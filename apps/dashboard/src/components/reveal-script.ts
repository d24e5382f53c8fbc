// Streamed sections shown as soon as they arrive, not up to 300 ms later.
//
// React's streaming HTML (19.2 and later) throttles the reveal of a Suspense boundary's content: its inline
// `$RC` instruction keeps content that has already arrived hidden until 300 ms after the first paint of the
// skeletons (or after the last reveal), timed from a global `$RT` its shell script sets on the first animation
// frame. Our reads answer in 50–150 ms, so that throttle alone held every page's content back by about 200 ms
// behind its skeleton, and the charts' hydration with it (a boundary hydrates only once revealed). When `$RT`
// is not a number, `$RC` reveals on the next animation frame instead: still batched per frame, still
// streamed behind the same skeletons. If a later React renames these globals, this script does nothing and
// the throttle simply comes back; e2e and `npm run bench:dashboard` measure the difference.

/** Global the streaming runtime reads the last reveal time from. */
export const REVEAL_TIME_GLOBAL = '$RT';

/** Runs before the shell's own scripts: `$RT` stays undefined, whatever the runtime assigns to it. */
export const REVEAL_SCRIPT = `try{Object.defineProperty(window,'${REVEAL_TIME_GLOBAL}',{configurable:true,get:function(){},set:function(){}})}catch(e){}`;
