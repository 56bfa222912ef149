// Failures of Word proofs (校样): exporting a volume to .docx and reading a proofed copy back.
import type { SentenceTable } from './language';

export const PROOF_SENTENCES = {
  proof_outdated: {
    'zh-Hans': '第 {paragraph} 段在读回校样后又被修改过，请重新读回校样再采纳',
    'zh-Hant': '第 {paragraph} 段在讀回校樣後又被修改過，請重新讀回校樣再採納',
    en: 'Paragraph {paragraph} was edited after the proof was read; read the proof again before accepting changes.',
  },
  proof_without_docx: {
    'zh-Hans': '没有收到 Word 校样（.docx）文件',
    'zh-Hant': '沒有收到 Word 校樣（.docx）檔案',
    en: 'No Word proof (.docx) was received.',
  },
  proof_unmarked: {
    'zh-Hans': '这份 Word 文件里找不到文史典藏导出的段落标记，无法对应到条目：{name}',
    'zh-Hant': '這份 Word 檔案裡找不到文史典藏匯出的段落標記，無法對應到條目：{name}',
    en: 'This Word file has none of the paragraph marks Wenshi exports, so it cannot be matched to items: {name}',
  },
  ocr_page_not_found: {
    'zh-Hans': '这一页没有识别结果，或它的原件已不在条目里',
    'zh-Hant': '這一頁沒有辨識結果，或它的原件已不在條目裡',
    en: 'This page has not been read, or its original is no longer part of the item.',
  },
} as const satisfies SentenceTable;
