import { loadConfig } from '../config';
import { demoStaff } from '../../../seeds/demo-staff';
import { signDevToken } from '../../access/tokens';

/** `npm run --silent token -- USERNAME`: a development token (8 hours) for a seeded member of staff. */
async function main(): Promise<void> {
  const username = process.argv[2];
  if (!username) throw new Error('usage: npm run --silent token -- USERNAME');
  const config = loadConfig();
  process.stdout.write(`${await signDevToken(config.jwt, demoStaff(username).id)}\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
