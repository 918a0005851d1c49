// Date pickers show and return the browser's wall clock; the province works in Beijing
// time, so a picked time is read as Beijing time and an instant is shown as one.
import dayjs, { type Dayjs } from 'dayjs';
import { fromBeijing, toBeijing } from '../../shared/format';

export const WALL_CLOCK = 'YYYY-MM-DD HH:mm';

/** A picked wall-clock time, read as Beijing time whatever the browser's zone. */
export const pickedInstant = (value: Dayjs) => fromBeijing(value.format(WALL_CLOCK));

/** An instant as the picker value that shows its Beijing time. */
export const pickerValue = (iso: string) => dayjs(toBeijing(iso));
