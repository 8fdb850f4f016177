import { parseArgs } from 'node:util';
import { companiesCommand } from './cli/companies-command.js';
import { dedupeCommand } from './cli/dedupe-command.js';
import { extractCommand } from './cli/extract-command.js';
import { fetchCommand } from './cli/fetch-command.js';
import type { Flags } from './cli/flags.js';
import { migrateCommand } from './cli/migrate-command.js';
import { parseCommand } from './cli/parse-command.js';
import { retagCommand } from './cli/retag-command.js';
import { roundupCommand } from './cli/roundup-command.js';
import { serveCommand } from './cli/serve-command.js';
import { tagCommand } from './cli/tag-command.js';
import { messageOf } from './errors.js';

interface Command {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  run(flags: Flags): Promise<number | void>;
}

const commands: Record<string, Command> = {
  serve: { summary: 'serve the HTTP API; fetch hourly unless --no-cron', usage: 'serve [--port N] [--no-cron]', options: { port: { type: 'string' }, 'no-cron': { type: 'boolean' } }, run: serveCommand },
  fetch: { summary: 'one fetch run over due (or the named) sources; a line per source and a total', usage: 'fetch [--source SLUG]', options: { source: { type: 'string' } }, run: fetchCommand },
  migrate: { summary: 'apply db/migrations', usage: 'migrate', options: {}, run: migrateCommand },
  parse: {
    summary: 'feed bytes on stdin → JSON {format, title, items:[{guid,url,title,published,summary}]}; --batch: JSON lines {id, url, path} → {id, ...result} or {id, error}',
    usage: 'parse [--url U] [--zone Z] | parse --batch [--zone Z]',
    options: { url: { type: 'string' }, zone: { type: 'string' }, batch: { type: 'boolean' } },
    run: parseCommand,
  },
  extract: {
    summary: 'article HTML on stdin → JSON {title, text, published, author, canonicalUrl, language}; --batch: JSON lines {id, url, path} → {id, ...} or {id, error}',
    usage: 'extract --url U [--zone Z] | extract --batch [--zone Z]',
    options: { url: { type: 'string' }, zone: { type: 'string' }, batch: { type: 'boolean' } },
    run: extractCommand,
  },
  tag: { summary: 'JSON lines {id, title, text?, lang?} → {id, companies, topics, relevant}', usage: 'tag', options: {}, run: tagCommand },
  dedupe: { summary: 'JSON lines {id, url?, title, text?, published?, source?} → {id, item, story}', usage: 'dedupe', options: {}, run: dedupeCommand },
  roundup: { summary: "print the week's roundup draft", usage: 'roundup --week 2025-W01 [--zone Z] [--format md|html|json] [--limit N]', options: { week: { type: 'string' }, zone: { type: 'string' }, format: { type: 'string' }, limit: { type: 'string' } }, run: roundupCommand },
  companies: { summary: 'the company catalogue as JSON {slug, name, nameZh, aliases}', usage: 'companies', options: {}, run: companiesCommand },
  retag: { summary: 're-tag stored items tagged with an older catalogue version; progress on stderr', usage: 'retag [--batch-size N]', options: { 'batch-size': { type: 'string' } }, run: retagCommand },
};

function overview(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: npm run --silent cli -- <command> [flags]', '', 'commands:', ...rows, '', 'Each command takes --help.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${overview()}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`china-ai-news: unknown command "${name}"; run with --help for the list\n`);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  if (values.help) {
    process.stdout.write(`usage: npm run --silent cli -- ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  return (await command.run(values as Flags)) ?? 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`china-ai-news: ${messageOf(error)}\n`);
    process.exitCode = 1;
  },
);
