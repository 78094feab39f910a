/** The whole catalogue, the slowest attacks first so that they overlap the many quick ones. */
import type {Attack} from '../harness.js';
import {crash} from './crash.js';
import {dataLoss} from './data-loss.js';
import {hang} from './hang.js';
import {injection} from './injection.js';
import {memory} from './memory.js';
import {quiet} from './quiet.js';

export const catalogue: readonly Attack[] = [...dataLoss, ...hang, ...memory, ...crash, ...quiet, ...injection];
