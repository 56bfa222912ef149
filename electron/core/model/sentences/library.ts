// Failures of the library itself: opening, creating, locking, storing, history, saved searches, search.
import type { SentenceTable } from './language';

export const LIBRARY_SENTENCES = {
  cancelled: { 'zh-Hans': '操作已取消', 'zh-Hant': '操作已取消', en: 'Cancelled.' },
  relation_to_itself: {
    'zh-Hans': '条目不能与自身关联',
    'zh-Hant': '條目不能與自身關聯',
    en: 'An item cannot be linked to itself.',
  },
  item_not_found: {
    'zh-Hans': '找不到条目 {id}',
    'zh-Hant': '找不到條目 {id}',
    en: 'There is no item {id}.',
  },
  item_exists: {
    'zh-Hans': '条目 {id} 已存在',
    'zh-Hant': '條目 {id} 已存在',
    en: 'Item {id} already exists.',
  },
  library_exists: {
    'zh-Hans': '这里已经有一个资料库：{root}',
    'zh-Hant': '這裡已經有一個資料庫：{root}',
    en: 'There is already a library here: {root}',
  },
  folder_not_empty: {
    'zh-Hans': '文件夹不是空的，不能在这里新建资料库：{root}',
    'zh-Hant': '資料夾不是空的，不能在這裡新建資料庫：{root}',
    en: 'The folder is not empty, so no library can be created here: {root}',
  },
  old_format_read_only: {
    'zh-Hans':
      '这个资料库是旧格式（格式 {version}），需要先升级；但它现在只能以只读方式打开（正由另一个程序使用），请关闭其他程序后再打开。',
    'zh-Hant':
      '這個資料庫是舊格式（格式 {version}），需要先升級；但它現在只能以唯讀方式開啟（正由另一個程式使用），請關閉其他程式後再開啟。',
    en: 'This library has an older format ({version}) and must be upgraded first, but it can only be opened read-only now (another program is using it). Close the other program and open it again.',
  },
  library_locked: {
    'zh-Hans': '资料库正由另一个程序使用，当前为只读模式。',
    'zh-Hant': '資料庫正由另一個程式使用，目前為唯讀模式。',
    en: 'Another program is using the library: it is open read-only.',
  },
  library_locked_by: {
    'zh-Hans': '资料库正由另一个程序（进程 {pid}，{host}）使用，当前为只读模式。',
    'zh-Hant': '資料庫正由另一個程式（行程 {pid}，{host}）使用，目前為唯讀模式。',
    en: 'Another program (process {pid} on {host}) is using the library: it is open read-only.',
  },
  not_a_library: {
    'zh-Hans': '这个文件夹不是文史典藏资料库：{root}',
    'zh-Hant': '這個資料夾不是文史典藏資料庫：{root}',
    en: 'This folder is not a Wenshi library: {root}',
  },
  library_missing: {
    'zh-Hans': '资料库不存在：{root}',
    'zh-Hant': '資料庫不存在：{root}',
    en: 'There is no library at {root}',
  },
  library_json_damaged: {
    'zh-Hans': 'library.json 已损坏，无法读取：{root}',
    'zh-Hant': 'library.json 已損壞，無法讀取：{root}',
    en: 'library.json is damaged and cannot be read: {root}',
  },
  library_json_unknown: {
    'zh-Hans': 'library.json 无法识别：{root}',
    'zh-Hant': 'library.json 無法識別：{root}',
    en: 'library.json is not recognised: {root}',
  },
  newer_format: {
    'zh-Hans': '这个资料库由更新版本的文史典藏创建（格式 {version}），请升级程序后再打开。',
    'zh-Hant': '這個資料庫由更新版本的文史典藏建立（格式 {version}），請升級程式後再開啟。',
    en: 'This library was made by a newer version of Wenshi (format {version}); upgrade the program to open it.',
  },
  history_entry_not_found: {
    'zh-Hans': '找不到这条修改记录：{id}',
    'zh-Hant': '找不到這條修改紀錄：{id}',
    en: 'There is no change record {id}.',
  },
  history_field_not_undoable: {
    'zh-Hans': '这条修改记录中没有可单独撤销的字段：{field}',
    'zh-Hant': '這條修改紀錄中沒有可單獨撤銷的欄位：{field}',
    en: 'This change record has no field {field} that can be undone alone.',
  },
  item_deleted_undo_first: {
    'zh-Hans': '条目已被删除，请先撤销删除',
    'zh-Hant': '條目已被刪除，請先復原刪除',
    en: 'The item has been deleted; undo the deletion first.',
  },
  not_sha256: {
    'zh-Hans': '不是有效的 SHA-256：{value}',
    'zh-Hant': '不是有效的 SHA-256：{value}',
    en: 'Not a valid SHA-256: {value}',
  },
  storage_no_space: {
    'zh-Hans': '磁盘空间不足，这次修改没有保存；已保存的内容不受影响。请腾出空间后重试。',
    'zh-Hant': '磁碟空間不足，這次修改沒有儲存；已儲存的內容不受影響。請騰出空間後重試。',
    en: 'The disk is full: this change was not saved; what was saved before is intact. Free some space and try again.',
  },
  storage_quota: {
    'zh-Hans': '磁盘配额已满，这次修改没有保存；已保存的内容不受影响。',
    'zh-Hant': '磁碟配額已滿，這次修改沒有儲存；已儲存的內容不受影響。',
    en: 'The disk quota is used up: this change was not saved; what was saved before is intact.',
  },
  storage_read_only: {
    'zh-Hans': '资料库所在的磁盘是只读的（例如写保护的 U 盘），这次修改没有保存；已保存的内容不受影响。',
    'zh-Hant': '資料庫所在的磁碟是唯讀的（例如防寫的隨身碟），這次修改沒有儲存；已儲存的內容不受影響。',
    en: 'The library’s disk is read-only (a write-protected USB stick, say): this change was not saved; what was saved before is intact.',
  },
  storage_no_permission: {
    'zh-Hans': '没有写入资料库文件夹的权限，这次修改没有保存；已保存的内容不受影响。',
    'zh-Hant': '沒有寫入資料庫資料夾的權限，這次修改沒有儲存；已儲存的內容不受影響。',
    en: 'No permission to write to the library folder: this change was not saved; what was saved before is intact.',
  },
  storage_io: {
    'zh-Hans': '磁盘读写出错（U 盘是否已拔出？），这次修改没有保存；已保存的内容不受影响。',
    'zh-Hant': '磁碟讀寫出錯（隨身碟是否已拔出？），這次修改沒有儲存；已儲存的內容不受影響。',
    en: 'The disk failed to read or write (was the USB stick removed?): this change was not saved; what was saved before is intact.',
  },
  saved_search_name_empty: {
    'zh-Hans': '请给这个检索起一个名称',
    'zh-Hant': '請給這個檢索起一個名稱',
    en: 'Give this search a name.',
  },
  saved_search_name_too_long: {
    'zh-Hans': '检索名称不能超过 {max} 个字',
    'zh-Hant': '檢索名稱不能超過 {max} 個字',
    en: 'A search name can have at most {max} characters.',
  },
  saved_search_exists: {
    'zh-Hans': '已有名为「{name}」的检索，请换一个名称',
    'zh-Hant': '已有名為「{name}」的檢索，請換一個名稱',
    en: 'There is already a search named “{name}”; choose another name.',
  },
  saved_search_query_empty: {
    'zh-Hans': '检索词为空，没有可保存的检索',
    'zh-Hant': '檢索詞為空，沒有可儲存的檢索',
    en: 'The search is empty: there is nothing to save.',
  },
  saved_search_not_found: {
    'zh-Hans': '找不到这个已存检索，可能已被删除',
    'zh-Hant': '找不到這個已存檢索，可能已被刪除',
    en: 'This saved search is gone; it may have been deleted.',
  },
  search_failed: { 'zh-Hans': '{detail}', 'zh-Hant': '{detail}', en: '{detail}' },
  search_worker_exited: {
    'zh-Hans': '检索进程意外退出，请重试',
    'zh-Hant': '檢索行程意外結束，請重試',
    en: 'The search process stopped unexpectedly; try again.',
  },
  search_closed: { 'zh-Hans': '检索已关闭', 'zh-Hant': '檢索已關閉', en: 'Search is closed.' },
  search_cannot_start: {
    'zh-Hans': '检索进程无法启动，请重新打开资料库',
    'zh-Hant': '檢索行程無法啟動，請重新開啟資料庫',
    en: 'The search process cannot start; open the library again.',
  },
  disk_full_import: {
    'zh-Hans': '磁盘已满：导入「{name}」还需约 {mb} MB，这个文件没有导入。请腾出空间后重试。',
    'zh-Hant': '磁碟已滿：匯入「{name}」還需約 {mb} MB，這個檔案沒有匯入。請騰出空間後重試。',
    en: 'The disk is full: importing “{name}” needs about {mb} MB more; the file was not imported. Free some space and try again.',
  },
  lock_disk_full: {
    'zh-Hans': '磁盘已满，无法写入资料库的锁文件（library.lock），资料库没有打开。请腾出空间后重试。',
    'zh-Hant': '磁碟已滿，無法寫入資料庫的鎖定檔（library.lock），資料庫沒有開啟。請騰出空間後重試。',
    en: 'The disk is full: the library’s lock file (library.lock) cannot be written, so the library was not opened. Free some space and try again.',
  },
  lock_read_only_disk: {
    'zh-Hans':
      '资料库所在的磁盘是只读的（例如写保护的 U 盘），无法写入锁文件（library.lock），资料库没有打开。',
    'zh-Hant':
      '資料庫所在的磁碟是唯讀的（例如寫入保護的 USB 隨身碟），無法寫入鎖定檔（library.lock），資料庫沒有開啟。',
    en: 'The library’s disk is read-only (a write-protected USB stick?): its lock file (library.lock) cannot be written, so the library was not opened.',
  },
  lock_no_permission: {
    'zh-Hans': '没有写入资料库文件夹的权限，无法写入锁文件（library.lock），资料库没有打开。',
    'zh-Hant': '沒有寫入資料庫資料夾的權限，無法寫入鎖定檔（library.lock），資料庫沒有開啟。',
    en: 'No permission to write in the library’s folder: its lock file (library.lock) cannot be written, so the library was not opened.',
  },
  lock_disk_error: {
    'zh-Hans': '磁盘读写出错（U 盘是否已拔出？），无法写入锁文件（library.lock），资料库没有打开。',
    'zh-Hant': '磁碟讀寫出錯（USB 隨身碟是否已拔出？），無法寫入鎖定檔（library.lock），資料庫沒有開啟。',
    en: 'The disk failed to read or write (was the USB stick removed?): the lock file (library.lock) cannot be written, so the library was not opened.',
  },
  item_duplicate: {
    'zh-Hans': '条目 {id} 重复',
    'zh-Hant': '條目 {id} 重複',
    en: 'The item {id} appears twice.',
  },
  journal_damaged: {
    'zh-Hans':
      '资料库中断的修改记录已损坏，无法确定最后一次修改是否完整：{file}。请先运行“检查资料库”或从备份恢复。',
    'zh-Hant':
      '資料庫中斷的修改紀錄已損壞，無法確定最後一次修改是否完整：{file}。請先執行「檢查資料庫」或從備份還原。',
    en: 'The record of an interrupted change is damaged, so whether the last change was complete cannot be told: {file}. Run “verify” first, or restore from a backup.',
  },
} as const satisfies SentenceTable;
