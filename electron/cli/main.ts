import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { existsSync } from 'node:fs';
import { exitOnStopSignals } from './stopSignals';
import { opCommands, summaryOf, UsageError, type OpCommand, type OpCommandName } from './commands';
import { describeError, languageOf, type OpName } from '../contract';
import { jsonForTerminal, visible, visibleDeep } from './terminalText';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

function help(): string {
  const lines = [
    '文史典藏 Wenshi — 离线文史资料库',
    '',
    '用法：wenshi <命令> [参数] [--json]',
    '',
    '  init <资料库> [--name 名称]',
    '      新建资料库',
    ...(Object.keys(opCommands) as OpCommandName[]).flatMap((name) => [
      `  ${opCommands[name].usage}`,
      `      ${summaryOf(name)}`,
    ]),
    '  restore <备份包> <空文件夹>',
    '      从 BagIt 备份包恢复资料库（先校验）',
    '  serve <资料库> [--port N] [--read-only] [--lan [--allow-edit]]',
    '      浏览器模式：在本机浏览器中打开资料库（网址含访问令牌）；--lan 供局域网只读访问',
    '',
    '选项：--json 以 JSON 输出结果；--help 显示本帮助。',
    '进度信息输出到 stderr；失败时以非零状态退出并给出原因。',
  ];
  return lines.join('\n');
}

/** The service pulls in PDF, fonts and search: loaded only when a command needs it, so --help is quick. */
async function loadApp() {
  return import('../app');
}

/** The language failures are said in: the locale's, zh-Hans unless it asks for English or 繁體. */
function cliLanguage() {
  return languageOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
}

/** A call that came back failed: its code and sentence. */
class CommandFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function formatSeconds(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒` : `${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒`;
}

interface Output {
  json: boolean;
}

function fail(message: string, code = 1): never {
  process.stderr.write(`wenshi: ${visible(message)}\n`);
  process.exit(code);
}

async function init(positionals: string[], values: Record<string, unknown>, out: Output): Promise<void> {
  const root = positionals[0];
  if (!root) throw new UsageError('缺少资料库文件夹');
  const name = (values.name as string | undefined) ?? path.basename(path.resolve(root));
  const { createLibrary } = await loadApp();
  const value = await createLibrary(root, name);
  process.stdout.write(out.json ? JSON.stringify(value) + '\n' : `已新建资料库「${name}」：${value.root}\n`);
}

async function restore(positionals: string[], out: Output): Promise<void> {
  const [bag, target] = positionals;
  if (!bag || !target) throw new UsageError('请指定备份包和恢复到的空文件夹');
  const { restoreLibrary } = await loadApp();
  const value = await restoreLibrary(bag, target);
  process.stdout.write(
    out.json
      ? JSON.stringify(value) + '\n'
      : `已恢复到 ${value.root}：${value.items} 个条目，${value.files} 个文件，校验一致\n`,
  );
}

async function runOp(
  name: OpCommandName,
  root: string,
  rest: string[],
  values: Record<string, unknown>,
  out: Output,
): Promise<void> {
  const command = opCommands[name] as unknown as OpCommand<OpName>;
  const args = command.toArgs(rest, values as never);
  const { Application, packagedFonts } = await loadApp();
  const service = await Application.open(path.resolve(root), { fonts: packagedFonts(), actor: 'cli' });
  for (const notice of service.notices) process.stderr.write(`注意：${visible(notice)}\n`);
  const jobId = randomUUID();
  let lastLine = '';
  service.onEvent((event) => {
    if (event.type !== 'progress' || event.jobId !== jobId || out.json) return;
    const eta = event.etaSeconds !== undefined ? ` 约剩 ${formatSeconds(event.etaSeconds)}` : '';
    const line = `${event.done}/${event.total}${eta} ${visible(event.current ?? '')}`.trimEnd();
    if (line === lastLine) return;
    // On a terminal the line is rewritten in place; in a log each step is a line.
    process.stderr.write(process.stderr.isTTY ? `\r\x1b[K${line}` : `${line}\n`);
    lastLine = line;
  });
  try {
    const result = await service.dispatch(
      command.op,
      args,
      { jobId },
      { canWrite: true, canUseLocalPaths: true },
    );
    if (lastLine && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    if (!result.ok) throw new CommandFailure(result.error.code, describeError(result.error, cliLanguage()));
    const value = result.value as never;
    process.stdout.write((out.json ? jsonForTerminal(value) : command.print(visibleDeep(value))) + '\n');
    process.exitCode = command.exitCode?.(value) ?? 0;
  } finally {
    await service.close();
  }
}

async function serve(root: string, values: Record<string, unknown>): Promise<void> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) fail('界面尚未构建：请先运行 npm run build');
  const { Application, packagedFonts } = await loadApp();
  const { startServer, servePolicy } = await import('../server');
  const lan = values.lan === true;
  const policy = servePolicy({
    lan,
    allowEdit: values['allow-edit'] === true,
    readOnly: values['read-only'] === true,
  });
  // The server answers many requests at once: searching and indexing go to a worker thread.
  // A door that takes no changes leaves the lock to a program that does, and follows its changes.
  const service = await Application.open(path.resolve(root), {
    fonts: packagedFonts(),
    actor: 'browser',
    searchWorker: true,
    readOnly: !policy.allowEdit,
  });
  const server = await startServer({
    service,
    rendererDir: RENDERER_DIR,
    host: policy.host,
    port: values.port ? Number(values.port) : 0,
    allowEdit: policy.allowEdit,
    lan,
  });
  process.stdout.write(`文史典藏浏览器模式：${server.url}\n`);
  if (lan) {
    const port = new URL(server.url).port;
    for (const address of Object.values(os.networkInterfaces()).flat())
      if (address && address.family === 'IPv4' && !address.internal)
        process.stdout.write(`局域网地址：http://${address.address}:${port}/?token=${server.token}\n`);
    process.stderr.write(
      policy.allowEdit ? '局域网访问：可修改。\n' : '局域网访问：只读（要允许修改请加 --allow-edit）。\n',
    );
  }
  if (service.readOnly && policy.allowEdit)
    process.stderr.write('资料库正由另一个程序使用，暂以只读方式提供；那个程序关闭后即可修改。\n');
  exitOnStopSignals(async () => {
    await server.close();
    await service.close();
  });
}

export async function main(argv: string[]): Promise<void> {
  const [commandName, ...rest] = argv;
  if (!commandName || commandName === '--help' || commandName === '-h' || commandName === 'help') {
    process.stdout.write(help() + '\n');
    return;
  }
  const opCommand = Object.hasOwn(opCommands, commandName)
    ? opCommands[commandName as OpCommandName]
    : undefined;
  const options: ParseArgsConfig['options'] = {
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    ...(commandName === 'init' && { name: { type: 'string' } }),
    ...(commandName === 'serve' && {
      port: { type: 'string' },
      lan: { type: 'boolean' },
      'allow-edit': { type: 'boolean' },
      'read-only': { type: 'boolean' },
    }),
    ...opCommand?.options,
  };
  if (!['init', 'restore', 'serve'].includes(commandName) && !opCommand)
    fail(`没有这个命令：${commandName}（wenshi --help 查看用法）`, 2);

  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (error) {
    fail(`${(error as Error).message}（wenshi --help 查看用法）`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(help() + '\n');
    return;
  }
  // For export, --json names the file format, not how the result is printed.
  const out: Output = { json: values.json === true && commandName !== 'export' };
  try {
    if (commandName === 'init') return await init(positionals, values, out);
    if (commandName === 'restore') return await restore(positionals, out);
    const [root, ...more] = positionals;
    if (!root) throw new UsageError('缺少资料库文件夹');
    if (commandName === 'serve') return await serve(root, values);
    // `add --register 登记表.xlsx` is the register command under the name archivists look for.
    if (commandName === 'add' && typeof values.register === 'string')
      return await runOp('register', root, [values.register], values, out);
    await runOp(commandName as OpCommandName, root, more, values, out);
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message}（wenshi --help 查看用法）`, 2);
    // A failure the application named (a code and a sentence) is said in one line; anything else is a bug.
    if (error instanceof CommandFailure) fail(error.message);
    const { errorCode, toApiError } = await loadApp();
    if (errorCode(error)) fail(describeError(toApiError(error), cliLanguage()));
    throw error;
  }
}
