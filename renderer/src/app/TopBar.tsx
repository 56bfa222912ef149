import { useTranslation } from 'react-i18next';
import { SearchBox } from '../features/search/SearchBox';
import type { Search } from '../features/search/useSearch';
import type { LibraryView } from '../features/library/useLibraryView';
import type { DropImport } from '../features/import/useDropImport';
import type { Settings } from '../features/settings/useSettings';
import { LanguageSwitch } from './LanguageSwitch';

// Not in React's input attributes, though every browser and Electron support it.
const FOLDER_PICKER = { webkitdirectory: '' } as Record<string, string>;

/** The archive (lists, search, items), the volume editor, or the library tools. */
export type Screen = 'library' | 'volumes' | 'tools';

interface Props {
  search: Search;
  library: LibraryView;
  imports: DropImport;
  settings: Settings;
  screen: Screen;
  onScreen: (screen: Screen) => void;
  onNew: () => void;
}

/** The bar over every screen: the library's name, search, view mode, new item, import, volumes, settings, language. */
export function TopBar({ search, library, imports, settings, screen, onScreen, onNew }: Props) {
  const { t } = useTranslation();
  const { info, readOnly } = settings;
  const { setFileInput, onChosen } = imports;
  return (
    <header className="topbar">
      <h1>
        {t('app.name')}
        {info && <span className="library-name">{info.name}</span>}
      </h1>
      <SearchBox
        inputRef={search.inputRef}
        value={search.typed}
        onChange={search.setTyped}
        onSearch={search.setQuery}
        onEnter={search.focusFirstResult}
      />
      <div className="view-switch" role="group" aria-label={t('list.viewMode')}>
        <button
          type="button"
          aria-pressed={library.mode === 'table'}
          onClick={() => library.setMode('table')}
        >
          {t('list.tableView')}
        </button>
        <button type="button" aria-pressed={library.mode === 'grid'} onClick={() => library.setMode('grid')}>
          {t('list.gridView')}
        </button>
      </div>
      <button
        type="button"
        className="primary"
        onClick={onNew}
        disabled={readOnly}
        title={t('item.newShortcut')}
      >
        {t('item.new')}
      </button>
      <label className={`button secondary${readOnly ? ' disabled' : ''}`} title={t('import.chooseShortcut')}>
        {t('import.chooseFiles')}
        <input
          ref={setFileInput}
          type="file"
          multiple
          className="visually-hidden"
          disabled={readOnly}
          onChange={onChosen}
        />
      </label>
      <label className={`button secondary${readOnly ? ' disabled' : ''}`}>
        {t('import.chooseFolder')}
        {/* A browser's folder picker: its files come with their paths, so 档号 follow the folders. */}
        <input
          type="file"
          {...FOLDER_PICKER}
          className="visually-hidden"
          disabled={readOnly}
          onChange={onChosen}
        />
      </label>
      <button
        type="button"
        className="secondary"
        aria-pressed={screen === 'volumes'}
        onClick={() => onScreen(screen === 'volumes' ? 'library' : 'volumes')}
      >
        {screen === 'volumes' ? t('volumes.back') : t('volumes.nav')}
      </button>
      <button
        type="button"
        className="secondary"
        aria-pressed={screen === 'tools'}
        onClick={() => onScreen(screen === 'tools' ? 'library' : 'tools')}
      >
        {screen === 'tools' ? t('tools.back') : t('tools.nav')}
      </button>
      <button
        type="button"
        className="secondary"
        onClick={settings.show}
        disabled={!info}
        title={t('settings.shortcut')}
      >
        {t('settings.title')}
      </button>
      <LanguageSwitch />
    </header>
  );
}
