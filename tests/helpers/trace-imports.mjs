// Preloaded with `node --import`: records every module a process resolves (importer → resolved
// URL), one JSON line each, in the file named by KANSLIST_TRACE_IMPORTS. Lets a test see what
// `kanslist --help` loads without timing anything.
import { register } from 'node:module';

const file = process.env.KANSLIST_TRACE_IMPORTS;
if (file) register('./trace-imports-hooks.mjs', import.meta.url, { data: { file } });
