export { resetDatabase } from './reset-database.js';
export { requiredExtensions, unavailableExtensions } from './required-extensions.js';
