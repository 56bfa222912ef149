import type { RelatedMessages } from './zh-Hans';

export const relatedEn: RelatedMessages = {
  heading: 'Related items',
  count: '{{count}}',
  none: 'No related items yet. An oral history can be linked to its photos, documents and release form.',
  list: 'Related items',
  open: 'Open “{{title}}”',
  remove: 'Unlink',
  removeNamed: 'Unlink “{{title}}”',
  missing: '(item {{id}} no longer exists)',
  addLabel: 'Link an item',
  addPlaceholder: 'Title, archival number or words of the text',
  suggestions: 'Items to link',
  nothingFound: 'Nothing found for “{{text}}”',
  role: 'Link role',
  roleNone: '(none)',
  roles: { 授权书: 'Release form', 照片: 'Photo', 文献: 'Document', 录音: 'Recording', 整理稿: 'Edited transcript' },
  linked: 'Linked “{{title}}”',
  unlinked: 'Unlinked “{{title}}”',
  mergeLinked: '{{count}} links between items came with the package (both ends are in this library).',
  back: '← Back to “{{title}}” (Alt+←)',
  hint: 'Ctrl+J comes here; ↑ ↓ choose, Enter opens, Alt+← goes back.',
};
