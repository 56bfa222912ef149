// Failures of volumes (卷), compiling, backup bags and packages.
import type { SentenceTable } from './language';

export const ARCHIVE_SENTENCES = {
  volume_not_found: {
    'zh-Hans': '找不到这一卷：{id}',
    'zh-Hant': '找不到這一卷：{id}',
    en: 'There is no volume {id}.',
  },
  article_twice: {
    'zh-Hans': '「{title}」在本卷中出现了两次',
    'zh-Hant': '「{title}」在本卷中出現了兩次',
    en: '“{title}” appears twice in this volume.',
  },
  article_in_series: {
    'zh-Hans':
      '「{title}」已收入同一丛书《{series}》的《{volume}》；如确需重复收录，请在两卷中都勾选「允许重复收录」',
    'zh-Hant':
      '「{title}」已收入同一叢書《{series}》的《{volume}》；如確需重複收錄，請在兩卷中都勾選「允許重複收錄」',
    en: '“{title}” is already in “{volume}” of the same series “{series}”; to include it twice, tick “allow repeats” in both volumes.',
  },
  volume_item_deleted: {
    'zh-Hans': '卷中引用的条目已被删除：{id}，请从卷中移除这一篇',
    'zh-Hant': '卷中引用的條目已被刪除：{id}，請從卷中移除這一篇',
    en: 'An item the volume uses has been deleted: {id}; remove it from the volume.',
  },
  font_missing: {
    'zh-Hans': '找不到编印所需的字体文件 {file}，请重新安装文史典藏',
    'zh-Hant': '找不到編印所需的字型檔 {file}，請重新安裝文史典藏',
    en: 'The font file {file} needed to compile is missing; reinstall Wenshi.',
  },
  package_without_library: {
    'zh-Hans': '这个包里没有文史典藏资料库（缺少 library.json）：{bag}',
    'zh-Hant': '這個包裡沒有文史典藏資料庫（缺少 library.json）：{bag}',
    en: 'This package holds no Wenshi library (library.json is missing): {bag}',
  },
  package_other_format: {
    'zh-Hans':
      '这个包的资料库格式（{theirs}）与本程序（{ours}）不同：请先用 wenshi restore 恢复并用同一版本打开，再合并。',
    'zh-Hant':
      '這個包的資料庫格式（{theirs}）與本程式（{ours}）不同：請先用 wenshi restore 還原並用同一版本開啟，再合併。',
    en: 'The package’s library format ({theirs}) differs from this program’s ({ours}): restore it with wenshi restore and open it with this version first, then merge.',
  },
  backup_target_exists: {
    'zh-Hans': '备份目标已存在，请指定一个新的文件夹：{out}',
    'zh-Hant': '備份目標已存在，請指定一個新的資料夾：{out}',
    en: 'The backup target already exists; name a new folder: {out}',
  },
  bag_invalid: {
    'zh-Hans': '备份包校验未通过（{bag}）：{problems}',
    'zh-Hant': '備份包校驗未通過（{bag}）：{problems}',
    en: 'The backup did not pass its check ({bag}): {problems}',
  },
  bag_invalid_more: {
    'zh-Hans': '备份包校验未通过（{bag}）：{problems}等 {count} 处',
    'zh-Hant': '備份包校驗未通過（{bag}）：{problems}等 {count} 處',
    en: 'The backup did not pass its check ({bag}): {problems} and more, {count} in all',
  },
  restore_target_not_empty: {
    'zh-Hans': '恢复目标必须是空文件夹：{target}',
    'zh-Hant': '還原目標必須是空資料夾：{target}',
    en: 'A backup can only be restored into an empty folder: {target}',
  },
  backup_without_library: {
    'zh-Hans': '这个备份包里没有文史典藏资料库（缺少 library.json）：{bag}',
    'zh-Hant': '這個備份包裡沒有文史典藏資料庫（缺少 library.json）：{bag}',
    en: 'This backup holds no Wenshi library (library.json is missing): {bag}',
  },
  restore_checksum_mismatch: {
    'zh-Hans': '恢复时文件校验值不符：{file}',
    'zh-Hant': '還原時檔案校驗值不符：{file}',
    en: 'A file did not match its checksum while restoring: {file}',
  },
  backup_zip_refused: {
    'zh-Hans': '备份压缩包无法使用：{reason}',
    'zh-Hant': '備份壓縮檔無法使用：{reason}',
    en: 'The backup zip cannot be used: {reason}',
  },
  unzip_target_not_empty: {
    'zh-Hans': '解压目标不是空文件夹：{dir}',
    'zh-Hant': '解壓目標不是空資料夾：{dir}',
    en: 'The folder to unpack into is not empty: {dir}',
  },
  backup_download_interrupted: {
    'zh-Hans': '备份下载已中断',
    'zh-Hant': '備份下載已中斷',
    en: 'The backup download was interrupted.',
  },
  disk_full_restore_before: {
    'zh-Hans': '磁盘已满：恢复还需约 {mb} MB，什么也没有写入。请腾出空间后重试。',
    'zh-Hant': '磁碟已滿：還原還需約 {mb} MB，什麼也沒有寫入。請騰出空間後重試。',
    en: 'The disk is full: restoring needs about {mb} MB more; nothing was written. Free some space and try again.',
  },
  disk_full_restore_during: {
    'zh-Hans': '磁盘已满：恢复还需约 {mb} MB，已复制的部分已删除。请腾出空间后重试。',
    'zh-Hant': '磁碟已滿：還原還需約 {mb} MB，已複製的部分已刪除。請騰出空間後重試。',
    en: 'The disk is full: restoring needs about {mb} MB more; what was copied has been removed. Free some space and try again.',
  },
  disk_full_backup_before: {
    'zh-Hans': '磁盘已满：备份还需约 {mb} MB，什么也没有写入。请腾出空间后重试。',
    'zh-Hant': '磁碟已滿：備份還需約 {mb} MB，什麼也沒有寫入。請騰出空間後重試。',
    en: 'The disk is full: the backup needs about {mb} MB more; nothing was written. Free some space and try again.',
  },
  disk_full_backup_during: {
    'zh-Hans': '磁盘已满：备份还需约 {mb} MB，未完成的备份已删除。请腾出空间后重试。',
    'zh-Hant': '磁碟已滿：備份還需約 {mb} MB，未完成的備份已刪除。請騰出空間後重試。',
    en: 'The disk is full: the backup needs about {mb} MB more; the unfinished backup has been removed. Free some space and try again.',
  },
} as const satisfies SentenceTable;
