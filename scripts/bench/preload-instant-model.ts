/**
 * Preloaded into the production server by the throughput benchmark (`--import tsx --import`):
 * every model Quarry resolves is replaced, through the registry's wrapper hook, by the instant
 * scripted model of the in-process benchmarks. Each new question gets one runQuery call of
 * QUARRY_BENCH_SQL, then one short sentence once its result is in.
 */
import { MODEL_WRAPPER, type ModelWrapper } from '@/lib/ai/models';
import { instantModel } from '../../tests/helpers/instant-model';

const sql = process.env.QUARRY_BENCH_SQL;
if (!sql) throw new Error('scripts/bench/preload-instant-model.ts needs QUARRY_BENCH_SQL, the statement every question runs.');
const model = instantModel(sql, 'Products by category.');
(globalThis as { [MODEL_WRAPPER]?: ModelWrapper })[MODEL_WRAPPER] = () => model;
