// Every area's dispatch table. Adding an area: write areas/<area>.mjs and list it here.
import find from './find.mjs';
import ids from './ids.mjs';
import kind from './kind.mjs';
import lifecycle from './lifecycle.mjs';
import money from './money.mjs';
import number from './number.mjs';
import read from './read.mjs';
import stats from './stats.mjs';
import tax from './tax.mjs';
import validate from './validate.mjs';
import verify from './verify.mjs';
import words from './words.mjs';

export const AREAS = { money, kind, number, ids, words, tax, validate, lifecycle, verify, stats, find, read };
