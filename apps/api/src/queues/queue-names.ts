/** Every queue the worker serves. */
export enum QueueName {
  MAINTENANCE = 'maintenance',
}

/** Every job, by queue. The worker refuses to start when one has no handler. */
export const JOB_NAMES = {
  [QueueName.MAINTENANCE]: ['purge-expired-sessions'],
} as const satisfies Record<QueueName, readonly string[]>;

export type JobName<Q extends QueueName> = (typeof JOB_NAMES)[Q][number];
