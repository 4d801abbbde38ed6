// `npm test` starts here: installs the dependencies when they are missing.
import { ensureInstalled } from './workspace.mjs';

ensureInstalled();
