import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { formatProblem } from '../../core/flowlog/format-problem.js';
import { InputError } from '../../io/open-input.js';
import { diagnoseCommand } from './diagnose-command.js';
import { EXIT } from './exit-codes.js';
import { type CpuMark, noteStartMark } from './parallel-lines.js';
import { parseCommand } from './parse-command.js';

const FORMAT_HELP =
  'the flow log format when the input has no header line: "${version} ${srcaddr} …" or field names separated by spaces';

/** --format must name AWS flow-log fields: anything else is refused as a usage error (exit 2). */
function formatOption(): Option {
  return new Option('--format <format>', FORMAT_HELP).argParser((value: string) => {
    const problem = formatProblem(value);
    if (problem) throw new InvalidArgumentError(problem);
    return value;
  });
}

function program(): Command {
  const p = new Command('vpcdiag')
    .description('Diagnose AWS VPC connectivity from flow logs, describe-* output or a short description.')
    .version('0.1.0')
    .showHelpAfterError('(run vpcdiag --help for usage)')
    .exitOverride();

  p.command('parse')
    .description('read flow-log records (any version, any order, any paste noise) and print them')
    .argument('<file>', 'a flow-log file (.log or .log.gz), or - for stdin')
    .option('--json', 'one JSON object per record, keyed by the AWS field names')
    .option('--stats', 'print only counts (records, skipped, invalid, by action)')
    .addOption(formatOption())
    .action(async (file: string, opts) => {
      process.exitCode = await parseCommand(file, opts);
    });

  p.command('diagnose')
    .description('diagnose flow logs and/or pasted config and print the report')
    .argument('<file>', 'a file (flow logs, describe-* JSON, a description), or - for stdin')
    .option('--json', 'the report as JSON (the shape in the findings spec)')
    .option('--markdown', 'the report as Markdown')
    .addOption(formatOption())
    .option('--no-color', 'no ANSI colours')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe')
        .choices(['error', 'warning', 'info', 'never'])
        .default('error'),
    )
    .addOption(
      new Option(
        '--threads <n>',
        'threads for a large plain file: auto (a second one when a core is free), 1 or 2',
      )
        .choices(['auto', '1', '2'])
        .default('auto'),
    )
    .action(async (file: string, opts) => {
      process.exitCode = await diagnoseCommand(file, {
        ...opts,
        color: opts.color !== false && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      });
    });
  return p;
}

export async function main(argv: string[], start?: CpuMark): Promise<number> {
  noteStartMark(start);
  try {
    await program().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof InputError || err instanceof InvalidArgumentError) {
      process.stderr.write(`vpcdiag: ${err.message}\n`);
      return EXIT.input;
    }
    process.stderr.write(
      `vpcdiag: internal error: ${(err as Error).stack ?? String(err)}\nPlease report it with the command you ran.\n`,
    );
    return EXIT.internal;
  }
}
