import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function messagesFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint boundaries', () => {
  it('fails when the core imports electron or React', async () => {
    for (const code of [
      "import { app } from 'electron';",
      "import React from 'react';",
      "import { x } from 'electron/main';",
    ]) {
      const messages = await messagesFor(
        `${code}\nexport const y = 1;\n`,
        'electron/core/library/example.ts',
      );
      expect(messages.join('\n'), code).toMatch(/no-restricted-imports/);
    }
  });

  it('fails when the core imports a door or the renderer', async () => {
    const messages = await messagesFor(
      "import { api } from '../../../renderer/src/api/client';\nexport const y = api;\n",
      'electron/core/library/example.ts',
    );
    expect(messages.join('\n')).toMatch(/no-restricted-imports/);
  });

  it('lets the renderer import the contract but nothing else from electron/', async () => {
    expect(
      await messagesFor(
        "import type { Item } from '../../../electron/api/contract';\nexport type X = Item;\n",
        'renderer/src/features/x/x.ts',
      ),
    ).toEqual([]);
    const bad = await messagesFor(
      "import { Library } from '../../../electron/core/library';\nexport const x = Library;\n",
      'renderer/src/features/x/x.ts',
    );
    expect(bad.join('\n')).toMatch(/no-restricted-imports/);
  });

  it('passes on a clean core module', async () => {
    expect(
      await messagesFor(
        "import path from 'node:path';\nexport const y = path.sep;\n",
        'electron/core/library/example.ts',
      ),
    ).toEqual([]);
  });
});
