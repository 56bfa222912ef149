// Each layer boundary of the architecture (README, 架构) is a lint rule; each rule is shown failing
// on a planted import and passing on the import that is allowed.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function messagesFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const restricted = /no-restricted-imports/;

/** [file the import is planted in, the import, whether lint allows it] */
const CASES: [string, string, boolean][] = [
  // The core: no Electron or React, no renderer, no door, no app, no contract.
  ['electron/core/library/example.ts', "import { app } from 'electron';", false],
  ['electron/core/library/example.ts', "import React from 'react';", false],
  ['electron/core/library/example.ts', "import { x } from 'electron/main';", false],
  ['electron/core/library/example.ts', "import { api } from '../../../renderer/src/api/client';", false],
  ['electron/core/library/example.ts', "import { startServer } from '../../server';", false],
  ['electron/core/library/example.ts', "import { Application } from '../../app';", false],
  ['electron/core/library/example.ts', "import { Jobs } from '../../app/jobs';", false],
  ['electron/core/library/example.ts', "import { contract } from '../../contract';", false],
  ['electron/core/library/example.ts', "import { OP_NAMES } from '../../contract/shared';", false],
  ['electron/core/library/example.ts', "import { ItemSchema } from '../model';", true],
  ['electron/core/library/example.ts', "import path from 'node:path';", true],
  // The contract: the model and zod only.
  ['electron/contract/operations/example.ts', "import { Library } from '../../core/library';", false],
  ['electron/contract/operations/example.ts', "import { Application } from '../../app';", false],
  ['electron/contract/operations/example.ts', "import { startServer } from '../../server';", false],
  ['electron/contract/operations/example.ts', "import { ItemSchema } from '../../core/model';", true],
  ['electron/contract/operations/example.ts', "import { z } from 'zod';", true],
  // The app layer: core and contract, never a door or Electron.
  ['electron/app/useCases/example.ts', "import { app } from 'electron';", false],
  ['electron/app/useCases/example.ts', "import { startServer } from '../../server';", false],
  ['electron/app/useCases/example.ts', "import { x } from '../../main/windowOptions';", false],
  ['electron/app/useCases/example.ts', "import { Library } from '../../core/library';", true],
  ['electron/app/useCases/example.ts', "import { contract } from '../../contract';", true],
  // The doors: the contract and the app layer, never the core.
  ['electron/main/example.ts', "import { Library } from '../core/library';", false],
  ['electron/server/example.ts', "import { WenshiError } from '../core/errors';", false],
  ['electron/cli/example.ts', "import { restoreLibrary } from '../core/bag';", false],
  ['electron/preload/example.ts', "import { ITEM_KINDS } from '../core/model';", false],
  ['electron/main/example.ts', "import { Application } from '../app';", true],
  ['electron/server/example.ts', "import { HTTP_API_PREFIX } from '../contract';", true],
  // The renderer: types from the contract, values from contract/shared, nothing else of electron/.
  ['renderer/src/features/x/x.ts', "import { ipcRenderer } from 'electron';", false],
  ['renderer/src/features/x/x.ts', "import { Library } from '../../../../electron/core/library';", false],
  ['renderer/src/features/x/x.ts', "import { Application } from '../../../../electron/app';", false],
  ['renderer/src/features/x/x.ts', "import { ITEM_KINDS } from '../../../../electron/contract';", false],
  ['renderer/src/features/x/x.ts', "import type { Item } from '../../../../electron/contract';", true],
  [
    'renderer/src/features/x/x.ts',
    "import { ITEM_KINDS } from '../../../../electron/contract/shared';",
    true,
  ],
];

describe('lint boundaries between the layers', () => {
  it.each(CASES)('%s: %s (allowed: %s)', async (file, line, allowed) => {
    const name = /import (?:type )?(?:\{ )?(\w+)/.exec(line)![1];
    const messages = (await messagesFor(`${line}\nexport const used = ${name};\n`, file)).join('\n');
    if (allowed) expect(messages).not.toMatch(restricted);
    else expect(messages).toMatch(restricted);
  });
});
