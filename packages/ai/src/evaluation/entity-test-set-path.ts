import { fileURLToPath } from 'node:url';

/** The hand-written entity and personal-data test set (Italian and English posts, exact spans). */
export const entityTestSetPath = fileURLToPath(new URL('../../corpus/entities-test.jsonl', import.meta.url));
