import { api } from '../../../api/client';
import type { Organization } from '../../../api/types';
import { call } from '../../../shared/errors';
import { ReviewButtons } from '../../components/ReviewButtons';

/** Approve or reject an organization: the level above its site decides; the server says when that is not me. */
export function OrganizationReview({ organization, onReviewed }: { organization: Organization; onReviewed(organization: Organization): void }) {
  return (
    <ReviewButtons
      name={organization.name}
      review={async (body) => onReviewed(await call(api.POST('/api/v1/organizations/{id}/review', { params: { path: { id: organization.id } }, body })))}
    />
  );
}
