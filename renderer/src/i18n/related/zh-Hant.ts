import type { RelatedMessages } from './zh-Hans';

export const relatedZhHant: RelatedMessages = {
  heading: '相關條目',
  count: '{{count}} 條',
  none: '還沒有相關條目。口述史可以關聯它的照片、文獻和授權書。',
  list: '相關條目',
  open: '打開「{{title}}」',
  remove: '取消關聯',
  removeNamed: '取消與「{{title}}」的關聯',
  missing: '（條目 {{id}} 已不存在）',
  addLabel: '關聯條目',
  addPlaceholder: '輸入題名、檔號或正文中的詞查找',
  suggestions: '可關聯的條目',
  nothingFound: '沒有找到「{{text}}」',
  role: '關聯說明',
  roleNone: '（不註明）',
  roles: { 授权书: '授權書', 照片: '照片', 文献: '文獻', 录音: '錄音', 整理稿: '整理稿' },
  linked: '已關聯「{{title}}」',
  unlinked: '已取消與「{{title}}」的關聯',
  mergeLinked: '資料包中的 {{count}} 處條目關聯已加入（兩端條目都在本庫）。',
  back: '← 返回「{{title}}」（Alt+←）',
  hint: 'Ctrl+J 跳到這裡；↑ ↓ 選擇，Enter 打開，Alt+← 返回。',
};
