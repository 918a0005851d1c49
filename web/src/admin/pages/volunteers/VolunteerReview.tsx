import { api } from '../../../api/client';
import type { VolunteerDetail } from '../../../api/types';
import { call } from '../../../shared/errors';
import { ReviewButtons } from '../../components/ReviewButtons';

/** Approve or reject a self-registration (POST /volunteers/{id}/review). */
export function VolunteerReview({ volunteer, onReviewed }: { volunteer: { id: number; name: string }; onReviewed(volunteer: VolunteerDetail): void }) {
  return (
    <ReviewButtons
      name={volunteer.name}
      review={async (body) => onReviewed(await call(api.POST('/api/v1/volunteers/{id}/review', { params: { path: { id: volunteer.id } }, body })))}
    />
  );
}
