import { Column } from 'typeorm';
import type { RemovalState } from './post-state.js';

/**
 * The removal columns every post table has (migration 1764400000001-moderation), declared
 * once: questions, answers and comments extend this. Only each post module's `setRemoval`
 * writes them, when the moderation module asks it to.
 */
export abstract class RemovablePostColumns implements RemovalState {
  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy: string | null;

  @Column({ name: 'removal_reason', type: 'text', nullable: true })
  removalReason: string | null;

  @Column({ name: 'review_requested_at', type: 'timestamptz', nullable: true })
  reviewRequestedAt: Date | null;
}
