// Small shared pieces of list cells and tabs.
import { Badge, Space, Tag } from 'antd';
import type { ReactNode } from 'react';

const colors: Record<string, string> = {
  pending: 'gold', submitted: 'blue', queued: 'default', running: 'processing', waitlisted: 'orange',
  active: 'green', approved: 'green', confirmed: 'green', published: 'green', done: 'green',
  rejected: 'red', failed: 'red', cancelled: 'red',
};

/** A status in a colour that says whether it wants attention (gold), went well (green) or not (red). */
export function StatusTag({ status, children }: { status: string; children: ReactNode }) {
  return <Tag color={colors[status] ?? 'default'}>{children}</Tag>;
}

/** A tab's label with how many rows wait there (“待审核 3”). */
export function CountLabel({ label, count }: { label: string; count: string | undefined }) {
  return (
    <Space size={6}>
      {label}
      {count !== undefined && count !== '0' && <Badge count={count} color="gold" />}
    </Space>
  );
}
