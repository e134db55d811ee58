import path from 'node:path';
import { bootstrap } from '@/db/bootstrap';

const booted = await bootstrap({ dataDir: path.resolve(process.env.QUARRY_DATA_DIR ?? '.data'), seed: false, log: console.log });
console.log('Migrations applied.');
await booted.stop();
