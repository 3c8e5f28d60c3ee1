import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GanderError } from '../errors.js';
import { parseVersionFromFileName } from './file-name.js';
import { sourcesFromList } from './from-list.js';

const runs = Number(process.env.GANDER_FUZZ_RUNS ?? 200);

// Hostile names: anything a directory listing can hold. The source must answer
// with a typed error or a valid migration, never crash or mis-number.
const hostileName = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }).map((s) => `${s}.sql`),
  fc.tuple(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.string({ unit: 'grapheme', maxLength: 40 })).map(
    ([v, d]) => `${v}_${d}.sql`,
  ),
  fc.tuple(fc.stringMatching(/^[+-]?[0-9]{0,25}$/), fc.constantFrom('.sql', '.ts', '.js', '.SQL', '')).map(([v, ext]) => `${v}_x${ext}`),
);

describe('source on hostile file names', () => {
  it('returns a typed error or a well-formed migration', () => {
    fc.assert(
      fc.property(hostileName, (fileName) => {
        try {
          const sources = sourcesFromList([{ fileName, content: '-- +goose Up\nSELECT 1;\n' }]);
          for (const s of sources) {
            expect(s.version).toBeGreaterThan(0n);
            expect(s.version).toBeLessThanOrEqual(2n ** 63n - 1n);
            expect(s.fileName).toBe(fileName);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(GanderError);
        }
      }),
      { numRuns: runs },
    );
  });

  it('reads any int64 version exactly, far beyond 2^53', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }), (version) => {
        expect(parseVersionFromFileName(`${version}_x.sql`)).toBe(version);
        const [source] = sourcesFromList([{ fileName: `${version}_x.sql`, content: '-- +goose Up\n' }]);
        expect(source!.version).toBe(version);
      }),
      { numRuns: runs },
    );
  });

  it('rejects versions outside 1..2^63-1 with E_INVALID_VERSION', () => {
    for (const v of ['0', '-1', '9223372036854775808', '-9223372036854775809', '99999999999999999999999']) {
      expect(() => sourcesFromList([{ fileName: `${v}_x.sql`, content: '-- +goose Up\n' }])).toThrow(
        expect.objectContaining({ code: expect.stringMatching(/^E_INVALID_(VERSION|FILENAME)$/) }),
      );
    }
  });
});
