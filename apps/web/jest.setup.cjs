// jsdom lacks TextEncoder/TextDecoder, which react-router needs; Node has them.
const { TextDecoder, TextEncoder } = require('node:util');

if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });
