// Every area's dispatch table. Adding an area: write areas/<area>.mjs and list it here.
import kind from './kind.mjs';
import money from './money.mjs';

export const AREAS = { money, kind };
