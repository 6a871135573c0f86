// jsdom with the fetch classes of Node's own realm. React Router's data routers build a
// Request (with an AbortSignal) for every navigation, which jsdom does not provide; tests
// of pages that use them (e.g. useBlocker) ask for this environment in a docblock.
const { TestEnvironment } = require('jest-environment-jsdom');

module.exports = class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    // The signal must come from the same realm as Request, so AbortController comes along.
    for (const name of ['Request', 'Response', 'Headers', 'AbortController', 'AbortSignal']) this.global[name] = globalThis[name];
  }
};
