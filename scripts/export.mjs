// Headless export for scheduled committee packs: the same code the app runs, loaded through Vite in Node.
//   npm run export -- <backup.json> --pdf <out.pdf> --xlsx <out.xlsx> --docx <out.docx> [--cycle <id>] [--passphrase-env NAME]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const usage =
  'Usage: npm run export -- <backup.json> [--pdf out.pdf] [--xlsx out.xlsx] [--docx out.docx] [--cycle <cycle id>] [--passphrase-env NAME]';

function parseArgs(argv) {
  const options = {
    backup: undefined,
    pdf: undefined,
    xlsx: undefined,
    docx: undefined,
    cycle: undefined,
    passphraseEnv: undefined,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value.\n${usage}`);
      return value;
    };
    if (arg === '--pdf') options.pdf = next();
    else if (arg === '--xlsx') options.xlsx = next();
    else if (arg === '--docx') options.docx = next();
    else if (arg === '--cycle') options.cycle = next();
    else if (arg === '--passphrase-env') options.passphraseEnv = next();
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}.\n${usage}`);
    else options.backup = arg;
  }
  if (!options.backup) throw new Error(`Name the backup file.\n${usage}`);
  if (!options.pdf && !options.xlsx && !options.docx)
    throw new Error(`Ask for at least one of --pdf, --xlsx and --docx.\n${usage}`);
  return options;
}

let server;
try {
  const options = parseArgs(process.argv.slice(2));
  server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true },
    // The CommonJS build of xlsx that Node would load lacks CFB (used to freeze header rows).
    ssr: { noExternal: ['xlsx'] },
  });
  const { exportFromBackup } = await server.ssrLoadModule('/src/export/headless-export.ts');
  const { readFrameworkFile } = await server.ssrLoadModule('/src/import/framework/import-framework.ts');
  const frameworks = readdirSync(join(root, 'public/frameworks'))
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => readFrameworkFile(new Uint8Array(readFileSync(join(root, 'public/frameworks', f)))))
    .filter((r) => r.ok)
    .map((r) => r.framework);
  const font = (name) => new Uint8Array(readFileSync(join(root, 'node_modules/dejavu-fonts-ttf/ttf', name)));
  const result = await exportFromBackup({
    backup: new Uint8Array(readFileSync(options.backup)),
    passphrase: options.passphraseEnv ? process.env[options.passphraseEnv] : undefined,
    cycleId: options.cycle,
    frameworks,
    fonts: { regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') },
    today: new Date().toISOString().slice(0, 10),
    want: { pdf: Boolean(options.pdf), xlsx: Boolean(options.xlsx), docx: Boolean(options.docx) },
  });
  if (!result.ok) {
    console.error(`The export was not made:\n- ${result.problems.join('\n- ')}`);
    process.exitCode = 1;
  } else {
    if (options.pdf) writeFileSync(options.pdf, result.pdf);
    if (options.xlsx) writeFileSync(options.xlsx, result.xlsx);
    if (options.docx) writeFileSync(options.docx, result.docx);
    console.log(
      `Exported the self-assessment ${result.cycleLabel}: ${[options.pdf, options.xlsx, options.docx].filter(Boolean).join(', ')}`,
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await server?.close();
}
