// The period of the dashboard in the address bar: ?period=month, or ?from=…&to=… for a
// custom one (to exclusive, like the API); this year by default.
import { DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { beijingToday } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { addDays, isDay, lastDay, presetPeriod, type Period } from './statsFormat';

type Choice = 'year' | 'month' | 'custom';

export function usePeriod() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const custom = isDay(from) && isDay(to) && from < to;
  const choice: Choice = custom ? 'custom' : params.get('period') === 'month' ? 'month' : 'year';
  const period: Period = custom ? { from, to } : presetPeriod(choice === 'month' ? 'month' : 'year', beijingToday());
  const choose = (next: Choice, range?: Period) =>
    setParams((current) => {
      const out = new URLSearchParams(current);
      for (const name of ['period', 'from', 'to']) out.delete(name);
      if (next === 'month') out.set('period', 'month');
      const chosen = next === 'custom' ? range ?? presetPeriod('month', beijingToday()) : null;
      if (chosen) {
        out.set('from', chosen.from);
        out.set('to', chosen.to);
      }
      return out;
    });
  return { choice, period, choose };
}

export function PeriodPicker({ value }: { value: ReturnType<typeof usePeriod> }) {
  const { t } = useI18n();
  const { choice, period, choose } = value;
  return (
    <Space wrap aria-label={t('stats.period.label')}>
      <Segmented<Choice>
        value={choice}
        onChange={(next) => choose(next)}
        options={[
          { value: 'year', label: t('stats.period.year') },
          { value: 'month', label: t('stats.period.month') },
          { value: 'custom', label: t('stats.period.custom') },
        ]}
      />
      {choice === 'custom' && (
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(period.from), dayjs(lastDay(period))]}
          onChange={(range) => {
            const [start, end] = range ?? [];
            if (start && end) choose('custom', { from: start.format('YYYY-MM-DD'), to: addDays(end.format('YYYY-MM-DD'), 1) });
          }}
        />
      )}
    </Space>
  );
}
