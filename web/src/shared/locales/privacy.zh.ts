// My data (个人信息查阅、复制、删除): export a copy, erase the account. privacy.en.ts must have
// exactly these keys (typed).
export const privacyZh = {
  'privacy.link': '导出我的数据 / 注销账号',
  'privacy.header': '隐私与账号',
  'privacy.title': '我的数据',
  'privacy.export.title': '导出我的数据',
  'privacy.export.body': '下载平台保存的您的全部个人信息（账号、志愿者信息、服务时长、证明、心愿、点单、培训等），身份证号和手机号完整显示，请妥善保管。',
  'privacy.export.action': '下载我的数据',
  'privacy.export.done': '已下载：{name}',
  'privacy.erase.title': '注销账号',
  'privacy.erase.body': '注销后，您的姓名、身份证号、手机号、监护人和联系方式将被删除，无法再登录，已开具的志愿服务证明作废。您的服务时长记录会以“已注销用户”的名义匿名保留，服务队和各级的统计数据不变。注销不可撤销。',
  'privacy.erase.password': '当前密码',
  'privacy.erase.passwordRequired': '请输入当前密码',
  'privacy.erase.understand': '我已了解注销的后果，确认注销',
  'privacy.erase.understandRequired': '请先勾选确认',
  'privacy.erase.action': '注销账号',
  'privacy.erase.confirm': '确定要注销账号吗？此操作不可撤销。',
};
