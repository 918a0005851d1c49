import { AppError } from './errors.ts';

export interface Review {
  decision: 'approve' | 'reject';
  reason?: string | undefined;
}

/** The reason of a rejection (required: the applicant is told it), or null for an approval. */
export function rejectionReason(review: Review): string | null {
  if (review.decision === 'approve') return null;
  if (!review.reason) throw new AppError('VALIDATION_FAILED', { field: 'reason', detail: { zh: '驳回须填写原因', en: 'A rejection needs a reason' } });
  return review.reason;
}
