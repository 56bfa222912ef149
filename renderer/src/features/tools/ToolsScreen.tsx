import { useTranslation } from 'react-i18next';
import type { LibraryTool } from '../../../../electron/contract';
import { LIBRARY_TOOLS } from '../../../../electron/contract/shared';
import { BackupTool } from './BackupTool';
import { DuplicatesTool } from './DuplicatesTool';
import { ExportTool } from './ExportTool';
import { MergeTool } from './MergeTool';
import { RegisterTool } from './RegisterTool';
import { RestoreTool } from './RestoreTool';
import type { RegisterSource } from './useRegister';
import { VerifyTool } from './VerifyTool';

interface Props {
  tool: LibraryTool;
  onTool: (tool: LibraryTool) => void;
  register: RegisterSource | null;
  onRegister: (source: RegisterSource) => void;
  selectedIds: string[];
  itemCount: number;
  libraryName: string;
  readOnly: boolean;
}

/** 资料库工具: the work on the library as a whole, one tool at a time, each with progress and cancel. */
export function ToolsScreen(props: Props) {
  const { t } = useTranslation();
  const { tool, readOnly } = props;
  return (
    <div className="tools-screen">
      <nav aria-label={t('tools.sections')}>
        <h2>{t('tools.title')}</h2>
        <ul>
          {LIBRARY_TOOLS.map((name) => (
            <li key={name}>
              <button
                type="button"
                aria-current={tool === name ? 'page' : undefined}
                onClick={() => props.onTool(name)}
              >
                {t(`tools.tab.${name}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="tool-panel">
        {tool === 'register' && (
          <RegisterTool source={props.register} onSource={props.onRegister} readOnly={readOnly} />
        )}
        {tool === 'export' && <ExportTool selectedIds={props.selectedIds} itemCount={props.itemCount} />}
        {tool === 'backup' && <BackupTool libraryName={props.libraryName} />}
        {tool === 'restore' && <RestoreTool readOnly={readOnly} />}
        {tool === 'merge' && <MergeTool readOnly={readOnly} />}
        {tool === 'verify' && <VerifyTool readOnly={readOnly} />}
        {tool === 'duplicates' && <DuplicatesTool readOnly={readOnly} />}
      </div>
    </div>
  );
}
