import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppCommand, LibraryTool } from '../../../electron/contract';
import { MessageArea, MessagesProvider } from '../messages/MessagesProvider';
import { useLibraryView } from '../features/library/useLibraryView';
import { useSearch } from '../features/search/useSearch';
import { useItemEditor } from '../features/item/useItemEditor';
import { useSettings } from '../features/settings/useSettings';
import { usePersonName } from '../features/settings/usePersonName';
import { PersonNameBanner } from '../features/settings/PersonNameBanner';
import { useDropImport } from '../features/import/useDropImport';
import type { RegisterSource } from '../features/tools/useRegister';
import { LibraryScreen } from './LibraryScreen';
import { TopBar, type Screen } from './TopBar';
import { useAppCommands } from './useAppCommands';
import { focusRelatedItems } from '../features/item/related/RelatedItems';
import { useWindowTitle } from './useWindowTitle';
import { lazyNamed } from '../components/lazyNamed';

const SettingsDialog = lazyNamed(() => import('../features/settings/SettingsDialog'), 'SettingsDialog');
const ImportPanel = lazyNamed(() => import('../features/import/ImportPanel'), 'ImportPanel');
const VolumesView = lazyNamed(() => import('../features/volumes/VolumesView'), 'VolumesView');
const ToolsScreen = lazyNamed(() => import('../features/tools/ToolsScreen'), 'ToolsScreen');

export function App() {
  return (
    <MessagesProvider>
      <Shell />
    </MessagesProvider>
  );
}

/** The window: the top bar, the screen shown, the dialogs over it, messages, and the global commands. */
function Shell() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>('library');
  const library = useLibraryView();
  const search = useSearch();
  const editor = useItemEditor({ onDeleted: library.deselect });
  const settings = useSettings({ confirmLeave: editor.confirmLeave });
  const [tool, setTool] = useState<LibraryTool>('register');
  const [register, setRegister] = useState<RegisterSource | null>(null);
  const openTool = (name: LibraryTool) => {
    setTool(name);
    setScreen('tools');
  };
  const imports = useDropImport(settings.readOnly, (source) => {
    setRegister(source);
    openTool('register');
  });
  const person = usePersonName();
  const { info, readOnly } = settings;
  useWindowTitle(info?.name, editor.dirty);

  const startNew = () => {
    if (readOnly) return;
    setScreen('library');
    editor.startNew();
  };
  useAppCommands((command: AppCommand) => {
    switch (command.name) {
      case 'focusSearch':
        return search.focusBox();
      case 'newItem':
        return startNew();
      case 'importFiles':
        return imports.choose();
      case 'importPaths':
        return imports.start({ paths: command.paths });
      case 'openSettings':
        return settings.show();
      case 'relatedItems':
        setScreen('library');
        // After the library screen (and its item pane) is on the page.
        return void requestAnimationFrame(focusRelatedItems);
      case 'switchLibrary':
        return settings.switchLibrary?.(command.choice);
      case 'openTools':
        return openTool(command.tool);
    }
  });

  return (
    <div className="app" {...imports.dropTarget}>
      {imports.dropping && (
        <div className="drop-overlay" aria-hidden="true">
          {t('import.dropHere')}
        </div>
      )}
      <TopBar
        search={search}
        library={library}
        imports={imports}
        settings={settings}
        screen={screen}
        onScreen={setScreen}
        onNew={editor.startNew}
      />
      {readOnly && info?.readOnlyReason && (
        <div className="banner" role="alert">
          {t('app.readOnly', { reason: info.readOnlyReason })}
        </div>
      )}
      {info && !readOnly && <PersonNameBanner person={person} />}
      {screen === 'volumes' && <VolumesView readOnly={readOnly} />}
      {screen === 'tools' && (
        <ToolsScreen
          tool={tool}
          onTool={setTool}
          register={register}
          onRegister={setRegister}
          selectedIds={library.selectedIds}
          itemCount={info?.itemCount ?? 0}
          libraryName={info?.name ?? ''}
          readOnly={readOnly}
        />
      )}
      {screen === 'library' && (
        <LibraryScreen
          library={library}
          search={search}
          editor={editor}
          readOnly={readOnly}
          fontScale={settings.fontScale}
          subjects={settings.subjects}
          formSettings={info?.settings.form}
        />
      )}
      {settings.open && info && (
        <SettingsDialog
          info={info}
          person={person}
          fontScale={settings.fontScale}
          onFontScale={settings.setFontScale}
          onSaved={settings.reload}
          onSwitchLibrary={settings.switchLibrary}
          onClose={settings.close}
        />
      )}
      {imports.importing && <ImportPanel source={imports.importing} onClose={imports.close} />}
      <MessageArea />
    </div>
  );
}
