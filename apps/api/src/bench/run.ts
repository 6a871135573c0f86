import { runReadBench } from './read-bench.js';

/** `npm run bench`: the read and ask benchmark of issue #11 (the digest benchmark is `npm run bench:digest`). */
runReadBench().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
