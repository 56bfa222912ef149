// Failures of import: files and folders, images, texts, audio, review of suggestions, registers (登记表).
import type { SentenceTable } from './language';

export const INGEST_SENTENCES = {
  import_nothing_given: {
    'zh-Hans': '请指定要导入的文件或文件夹',
    'zh-Hant': '請指定要匯入的檔案或資料夾',
    en: 'Name the files or folders to import.',
  },
  path_not_found: {
    'zh-Hans': '找不到文件或文件夹：{path}',
    'zh-Hant': '找不到檔案或資料夾：{path}',
    en: 'No such file or folder: {path}',
  },
  folder_nothing_to_import: {
    'zh-Hans': '文件夹中没有可导入的文件：{path}',
    'zh-Hant': '資料夾中沒有可匯入的檔案：{path}',
    en: 'The folder holds no files that can be imported: {path}',
  },
  folder_unreadable: {
    'zh-Hans': '无法读取文件夹：{path}',
    'zh-Hant': '無法讀取資料夾：{path}',
    en: 'The folder cannot be read: {path}',
  },
  image_unrecognized: {
    'zh-Hans': '无法识别的图片文件（已损坏或不是图片）',
    'zh-Hant': '無法識別的圖片檔案（已損壞或不是圖片）',
    en: 'The image is not recognised (damaged, or not an image).',
  },
  image_too_large: {
    'zh-Hans': '图片尺寸 {width} × {height} 超过安全上限（约 2.7 亿像素），疑为恶意构造的文件，未导入',
    'zh-Hant': '圖片尺寸 {width} × {height} 超過安全上限（約 2.7 億像素），疑為惡意構造的檔案，未匯入',
    en: 'The image size {width} × {height} is beyond the safe limit (about 270 million pixels) and may be a malicious file; it was not imported.',
  },
  image_truncated: {
    'zh-Hans': '图片文件不完整或已损坏（可能传输中断），未导入',
    'zh-Hant': '圖片檔案不完整或已損壞（可能傳輸中斷），未匯入',
    en: 'The image is incomplete or damaged (an interrupted transfer?); it was not imported.',
  },
  image_pixel_bomb: {
    'zh-Hans': '图像声明的尺寸超过 {max} 像素，可能是恶意构造的“解压炸弹”，未导入：{name}',
    'zh-Hant': '圖像聲明的尺寸超過 {max} 像素，可能是惡意構造的「解壓炸彈」，未匯入：{name}',
    en: 'The image claims more than {max} pixels and may be a malicious “decompression bomb”; it was not imported: {name}',
  },
  image_unreadable: {
    'zh-Hans': '无法读取的图像文件（已损坏或与扩展名不符），未导入：{name}',
    'zh-Hant': '無法讀取的圖像檔案（已損壞或與副檔名不符），未匯入：{name}',
    en: 'The image cannot be read (damaged, or not what its extension says); it was not imported: {name}',
  },
  text_too_large: {
    'zh-Hans': '文本文件超过 64 MB，无法作为全文读取',
    'zh-Hant': '文字檔超過 64 MB，無法作為全文讀取',
    en: 'The text file is larger than 64 MB and cannot be read as full text.',
  },
  subtitles_without_timecodes: {
    'zh-Hans': '字幕文件中没有找到时间码（应为 SRT 或 WebVTT 格式）',
    'zh-Hant': '字幕檔中沒有找到時間碼（應為 SRT 或 WebVTT 格式）',
    en: 'No timecodes were found in the subtitle file (it should be SRT or WebVTT).',
  },
  docx_damaged: {
    'zh-Hans': 'Word 文件已损坏或不是 .docx 格式，无法读取正文',
    'zh-Hant': 'Word 檔案已損壞或不是 .docx 格式，無法讀取正文',
    en: 'The Word file is damaged or not a .docx; its text cannot be read.',
  },
  docx_damaged_named: {
    'zh-Hans': 'Word 文件已损坏或不是 .docx 格式，无法读取正文：{name}',
    'zh-Hant': 'Word 檔案已損壞或不是 .docx 格式，無法讀取正文：{name}',
    en: 'The Word file is damaged or not a .docx; its text cannot be read: {name}',
  },
  docx_zip_bomb: {
    'zh-Hans': 'Word 文件解压后大得异常，可能是恶意构造的“压缩炸弹”，未导入：{name}',
    'zh-Hant': 'Word 檔案解壓後大得異常，可能是惡意構造的「壓縮炸彈」，未匯入：{name}',
    en: 'The Word file unpacks to an abnormal size and may be a malicious “zip bomb”; it was not imported: {name}',
  },
  doc_damaged: {
    'zh-Hans': '旧版 Word（.doc）文件已损坏或格式无法识别，请用 Word 另存为 .docx 后再导入',
    'zh-Hant': '舊版 Word（.doc）檔案已損壞或格式無法識別，請用 Word 另存為 .docx 後再匯入',
    en: 'The old Word (.doc) file is damaged or not recognised; save it as .docx in Word and import that.',
  },
  pdf_encrypted: {
    'zh-Hans': 'PDF 文件有密码保护，无法读取正文',
    'zh-Hant': 'PDF 檔案有密碼保護，無法讀取正文',
    en: 'The PDF is password-protected; its text cannot be read.',
  },
  pdf_damaged: {
    'zh-Hans': 'PDF 文件已损坏或格式无法识别',
    'zh-Hant': 'PDF 檔案已損壞或格式無法識別',
    en: 'The PDF is damaged or not recognised.',
  },
  audio_damaged: {
    'zh-Hans': '音频文件已损坏或格式无法识别',
    'zh-Hant': '音訊檔案已損壞或格式無法識別',
    en: 'The audio file is damaged or not recognised.',
  },
  suggestion_not_found: {
    'zh-Hans': '这条建议不存在（可能已处理过）',
    'zh-Hant': '這條建議不存在（可能已處理過）',
    en: 'This suggestion is gone (perhaps it was already handled).',
  },
  duplicate_gone: {
    'zh-Hans': '无法合并：条目 {identifier} 已不在资料库中',
    'zh-Hant': '無法合併：條目 {identifier} 已不在資料庫中',
    en: 'Cannot merge: item {identifier} is no longer in the library.',
  },
  suggestion_without_field: {
    'zh-Hans': '无法接受这条建议：没有字段 {field}',
    'zh-Hant': '無法接受這條建議：沒有欄位 {field}',
    en: 'This suggestion cannot be accepted: there is no field {field}.',
  },
  garbled_flag_gone: {
    'zh-Hans': '这处乱码已不在原处（正文刚被改动过），请按当前正文重新复核',
    'zh-Hant': '這處亂碼已不在原處（正文剛被改動過），請按目前正文重新複核',
    en: 'This garbled text is no longer where it was (the text was just changed); review it again in the current text.',
  },
  register_not_found: {
    'zh-Hans': '找不到登记表：{file}',
    'zh-Hant': '找不到登記表：{file}',
    en: 'No such register: {file}',
  },
  register_bad_csv: {
    'zh-Hans': '登记表不是有效的 CSV：{detail}',
    'zh-Hant': '登記表不是有效的 CSV：{detail}',
    en: 'The register is not valid CSV: {detail}',
  },
  register_bad_xlsx: {
    'zh-Hans': '登记表不是有效的 Excel（.xlsx）文件：{file}',
    'zh-Hant': '登記表不是有效的 Excel（.xlsx）檔案：{file}',
    en: 'The register is not a valid Excel (.xlsx) file: {file}',
  },
  register_wrong_type: {
    'zh-Hans': '登记表应为 .xlsx 或 .csv 文件，而不是 {ext}',
    'zh-Hant': '登記表應為 .xlsx 或 .csv 檔案，而不是 {ext}',
    en: 'A register must be an .xlsx or .csv file, not {ext}.',
  },
  register_without_extension: {
    'zh-Hans': '登记表应为 .xlsx 或 .csv 文件，而不是无扩展名的文件',
    'zh-Hant': '登記表應為 .xlsx 或 .csv 檔案，而不是無副檔名的檔案',
    en: 'A register must be an .xlsx or .csv file, not a file without an extension.',
  },
  register_without_title: {
    'zh-Hans': '登记表缺少「题名」列（第一行应为列名，如 档号、题名、类型、口述人、事件时间）',
    'zh-Hant': '登記表缺少「题名」欄（第一列應為欄名，如 档号、题名、类型、口述人、事件时间）',
    en: 'The register has no 题名 (title) column (the first row must name the columns: 档号, 题名, 类型, 口述人, 事件时间 …).',
  },
  pdf_bomb: {
    'zh-Hans': 'PDF 文件解压后大得异常（超过 {mb} MB），可能是恶意构造的“压缩炸弹”，未导入：{name}',
    'zh-Hant': 'PDF 檔案解壓後大得異常（超過 {mb} MB），可能是惡意構造的「壓縮炸彈」，未匯入：{name}',
    en: 'The PDF inflates to an abnormal size (over {mb} MB) and may be a crafted “zip bomb”; not imported: {name}',
  },
  pdf_image_too_large: {
    'zh-Hans':
      'PDF 中的图像声明了 {width} × {height} 像素，超过安全上限，可能是恶意构造的文件，未导入：{name}',
    'zh-Hant':
      'PDF 中的圖像宣告了 {width} × {height} 像素，超過安全上限，可能是惡意構造的檔案，未匯入：{name}',
    en: 'An image in the PDF declares {width} × {height} pixels, over the safe limit; the file may be crafted. Not imported: {name}',
  },
  pdf_too_many_pages: {
    'zh-Hans': 'PDF 有 {pages} 页，超过上限 {max} 页，未导入：{name}',
    'zh-Hant': 'PDF 有 {pages} 頁，超過上限 {max} 頁，未匯入：{name}',
    en: 'The PDF has {pages} pages, over the limit of {max}; not imported: {name}',
  },
  pdf_file_too_large: {
    'zh-Hans': 'PDF 文件超过 2 GB，无法读取：{name}',
    'zh-Hant': 'PDF 檔案超過 2 GB，無法讀取：{name}',
    en: 'The PDF is larger than 2 GB and cannot be read: {name}',
  },
  pdf_too_slow: {
    'zh-Hans': 'PDF 正文读取超过 {minutes} 分钟仍未完成，未导入',
    'zh-Hant': 'PDF 正文讀取超過 {minutes} 分鐘仍未完成，未匯入',
    en: 'Reading the PDF’s text took more than {minutes} minutes; not imported.',
  },
} as const satisfies SentenceTable;
