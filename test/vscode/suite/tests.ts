/**
 * Every test file of the integration suite. Add one import line per new file: esbuild bundles the suite, so files
 * are listed here rather than found by a glob. Each file registers its tests with the global `describe`/`it`.
 */
import './activation.test';
import './language.test';
import './languageServer.test';
import './views.test';
import './explorer.test';
