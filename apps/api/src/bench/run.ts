import { runLighthouseBench } from './lighthouse-bench.js';
import { runReadBench } from './read-bench.js';

/**
 * `npm run bench`: the read and ask benchmark of issue #11 with the server-rendered question
 * page of #13, then Lighthouse on the demo data (#13; alone: `npm run bench:lighthouse`).
 * The digest benchmark is `npm run bench:digest`.
 */
runReadBench()
  .then(() => runLighthouseBench())
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
