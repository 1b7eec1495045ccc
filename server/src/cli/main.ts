// The corpus-lens command line: the same analysis core and rules as the language server.
import { parseCliArguments, UsageError, USAGE } from './arguments';
import { runCheck } from './check';
import { runDates } from './dates';
import { runEntities } from './entities';
import { runFigures } from './figures';
import { runExport } from './export';
import { runImport } from './import';
import { ProjectConfigError, withProjectConfig } from './projectConfig';
import { UnsafeOutputError } from './safeOutput';

async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArguments(argv);
  const args = parsed.command === 'help' ? parsed : await withProjectConfig(parsed);
  switch (args.command) {
    case 'check':
      return runCheck(args);
    case 'dates':
      return runDates(args);
    case 'entities':
      return runEntities(args);
    case 'figures':
      return runFigures(args);
    case 'export':
      return runExport(args);
    case 'import':
      return runImport(args);
    case 'help':
      process.stdout.write(USAGE);
      return 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`corpus-lens: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof ProjectConfigError) {
      process.stderr.write(`corpus-lens: ${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof UnsafeOutputError) {
      process.stderr.write(`corpus-lens: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`corpus-lens: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 3;
    }
  },
);
