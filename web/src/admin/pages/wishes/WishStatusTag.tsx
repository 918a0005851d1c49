import { useI18n } from '../../../shared/i18n';
import type { WishStatus } from '../../../shared/wishes';
import { StatusTag } from '../../components/Tags';

/** A wish's state, coloured by whether it wants attention. */
export function WishStatusTag({ status }: { status: WishStatus }) {
  const { t } = useI18n();
  // submitted waits for the station (gold); fulfilled waits for the resident's confirmation.
  const tone = status === 'submitted' || status === 'fulfilled' ? 'pending' : status === 'claimed' ? 'running' : status;
  return <StatusTag status={tone}>{t(`wish.status.${status}`)}</StatusTag>;
}
