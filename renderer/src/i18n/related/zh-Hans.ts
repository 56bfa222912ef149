// 相关条目 in the item pane, kept apart from the main catalogue so its words stay together.
export const relatedZhHans = {
  heading: '相关条目',
  count: '{{count}} 条',
  none: '还没有相关条目。口述史可以关联它的照片、文献和授权书。',
  list: '相关条目',
  open: '打开「{{title}}」',
  remove: '取消关联',
  removeNamed: '取消与「{{title}}」的关联',
  missing: '（条目 {{id}} 已不存在）',
  addLabel: '关联条目',
  addPlaceholder: '输入题名、档号或正文中的词查找',
  suggestions: '可关联的条目',
  nothingFound: '没有找到「{{text}}」',
  role: '关联说明',
  roleNone: '（不注明）',
  roles: { 授权书: '授权书', 照片: '照片', 文献: '文献', 录音: '录音', 整理稿: '整理稿' },
  linked: '已关联「{{title}}」',
  unlinked: '已取消与「{{title}}」的关联',
  mergeLinked: '资料包中的 {{count}} 处条目关联已加入（两端条目都在本库）。',
  back: '← 返回「{{title}}」（Alt+←）',
  hint: 'Ctrl+J 跳到这里；↑ ↓ 选择，Enter 打开，Alt+← 返回。',
};
export type RelatedMessages = typeof relatedZhHans;
