// The eight kinds of volunteer teams in Liaoning (DOMAIN.md), and the availability
// choices volunteers give. Codes are stable; names are shown by the clients.

export const serviceCategories = [
  'theory_policy', // 理论政策宣讲
  'culture_arts', // 文化文艺服务
  'education', // 助学支教
  'medical_fitness', // 医疗健身
  'science', // 科学普及
  'legal', // 法律服务
  'environment', // 卫生环保
  'assistance', // 扶危帮困
] as const;
export type ServiceCategory = (typeof serviceCategories)[number];

export const categoryNames: Record<ServiceCategory, string> = {
  theory_policy: '理论政策宣讲',
  culture_arts: '文化文艺服务',
  education: '助学支教',
  medical_fitness: '医疗健身',
  science: '科学普及',
  legal: '法律服务',
  environment: '卫生环保',
  assistance: '扶危帮困',
};

export const availabilityOptions = ['weekday_day', 'weekday_evening', 'weekend', 'holiday', 'anytime'] as const;
export type Availability = (typeof availabilityOptions)[number];

export const availabilityNames: Record<Availability, string> = {
  weekday_day: '工作日白天',
  weekday_evening: '工作日晚上',
  weekend: '周末',
  holiday: '节假日',
  anytime: '随时',
};

/** Organization size buckets for statistics (e.g. "30+ members"). */
export const sizeBuckets = [
  { key: '1-9', min: 0, max: 9 },
  { key: '10-29', min: 10, max: 29 },
  { key: '30-99', min: 30, max: 99 },
  { key: '100+', min: 100, max: null },
] as const;
export type SizeBucket = (typeof sizeBuckets)[number]['key'];
