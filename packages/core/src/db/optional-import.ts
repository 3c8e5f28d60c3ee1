import { GanderError } from '../errors.js';

/**
 * Drivers are optional peer dependencies: load one only when it is used, and
 * say how to install it when it is missing.
 */
export async function importOptional<T>(moduleName: string, purpose: string): Promise<T> {
  try {
    return (await import(moduleName)) as T;
  } catch (cause) {
    throw new GanderError('E_DRIVER_MISSING', `${purpose} needs the npm package "${moduleName}", which is not installed`, {
      hint: `install it next to @gander/core: npm install ${moduleName}`,
      cause,
    });
  }
}
