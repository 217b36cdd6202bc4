// Command-line options of the form `--name value` and `--flag`.

// An error the user can act on (a bad option, a bad input file): reported without a stack.
export class Failure extends Error {}

// Parses argv (without node and the script) against `spec`: { name: 'string' | 'int' | 'flag' }.
// Returns { name: value } for the options given; throws with a message naming the option on an
// unknown option, a missing value or a value that is not a whole number where one is needed.
export function parseArgs(argv, spec) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : null;
    const kind = name === null ? undefined : spec[name];
    if (kind === undefined) throw new Failure(`unknown argument "${argv[i]}"`);
    if (kind === 'flag') {
      options[name] = true;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Failure(`--${name} needs a value`);
    if (kind === 'int') {
      if (!/^\d+$/.test(value)) throw new Failure(`--${name} must be a whole number, not "${value}"`);
      options[name] = Number(value);
    } else {
      options[name] = value;
    }
  }
  return options;
}

// Runs main(); on a Failure prints "<program>: <message>" and exits with status 2 (any other
// error is a bug, and propagates with its stack). Output cut short by its reader (`| head`)
// ends the program quietly.
export function runMain(program, main) {
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  try {
    main();
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    process.stderr.write(`${program}: ${error.message}\n`);
    process.exit(2);
  }
}
