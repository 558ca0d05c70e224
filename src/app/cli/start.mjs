// `npm start`: builds only when a source changed since the last build, then runs the API in this very process, so
// that the signals npm forwards (SIGTERM, SIGINT) reach the server itself, which drains its requests and stops.
import module from 'node:module';
import process from 'node:process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfChanged, ROOT } from './build-if-changed.mjs';

// Settings from .env when there is one (see .env.example); a variable set in the environment wins.
if (existsSync(join(ROOT, '.env'))) process.loadEnvFile(join(ROOT, '.env'));

buildIfChanged();
// The compiled modules' bytecode is kept between starts (in the system's temporary folder): later starts load faster.
module.enableCompileCache?.();
await import(pathToFileURL(join(ROOT, 'dist', 'src', 'app', 'main.js')).href);
