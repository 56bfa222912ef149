/** The controlled list of reform themes (主题词); a library's settings may extend it. */
export const DEFAULT_SUBJECTS = [
  '农村改革',
  '国企改革',
  '民营经济',
  '发制品产业',
  '烟草',
  '钧瓷',
  '花木',
  '交通',
  '城市建设',
  '教育',
  '医疗',
  '科技',
  '文化',
  '社会保障',
  '对外开放',
  '政协工作',
] as const;
