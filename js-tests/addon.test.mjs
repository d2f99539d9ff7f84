// The corpus and junk inputs through the Node addon (napi-rs).
import { createRequire } from 'node:module';
import { registerCorpus, registerJunk } from './node-suite.mjs';

const addon = createRequire(import.meta.url)('../bindings-node/index.js');
registerCorpus('node addon', addon);
registerJunk('node addon', addon);
