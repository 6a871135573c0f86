import { Worker } from 'bullmq';

/**
 * The baseline: a BullMQ worker whose jobs do nothing, with the digest worker's
 * concurrency, on the same Redis. Reports "ready" and then "done <n>" on stdout.
 */
const [queueName, prefix, redisUrl, total, concurrency] = process.argv.slice(2);
let done = 0;
const worker = new Worker(queueName, async () => undefined, {
  connection: { url: redisUrl, maxRetriesPerRequest: null } as never,
  prefix,
  concurrency: Number(concurrency),
  removeOnComplete: { count: 0 },
});
worker.on('completed', () => {
  done += 1;
  if (done === Number(total)) {
    process.stdout.write(`done ${done}\n`);
    void worker.close().then(() => process.exit(0));
  }
});
void worker.waitUntilReady().then(() => process.stdout.write('ready\n'));
