// “全部 / 待审核 3”: a list's two tabs, the second showing what waits for my review, with
// its count. The chosen tab is in the URL (?tab=pending), so a link can open it.
import { Tabs } from 'antd';
import { useSearchParam } from '../useSearchParam';
import { CountLabel } from './Tags';

/** Whether the review tab is open, and a way to open or leave it. */
export function useReviewTab(): [boolean, (reviewing: boolean) => void] {
  const [tab, setTab] = useSearchParam('tab');
  return [tab === 'pending', (reviewing) => setTab(reviewing ? 'pending' : null)];
}

interface Props {
  reviewing: boolean;
  onChange(reviewing: boolean): void;
  allLabel: string;
  reviewLabel: string;
  count: string | undefined;
}

export function ReviewTabs({ reviewing, onChange, allLabel, reviewLabel, count }: Props) {
  return (
    <Tabs
      activeKey={reviewing ? 'pending' : 'all'}
      onChange={(key) => onChange(key === 'pending')}
      items={[{ key: 'all', label: allLabel }, { key: 'pending', label: <CountLabel label={reviewLabel} count={count} /> }]}
    />
  );
}
