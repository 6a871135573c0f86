import { Worker } from 'bullmq';

/**
 * The baseline: a BullMQ worker whose jobs do nothing, on the same Redis. Reports
 * "ready cpu <ms>" and then "done <n> cpu <ms>" on stdout, with the CPU time it had used.
 */
const [queueName, prefix, redisUrl, total, concurrency] = process.argv.slice(2);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
};
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
    process.stdout.write(`done ${done} cpu ${cpuMs()}\n`);
    void worker.close().then(() => process.exit(0));
  }
});
void worker.waitUntilReady().then(() => process.stdout.write(`ready cpu ${cpuMs()}\n`));
