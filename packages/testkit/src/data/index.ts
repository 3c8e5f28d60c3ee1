export { tableChecksums, type TableChecksum, type TableChecksumOptions } from './table-checksums.js';
export { compareChecksums, type TableDifference } from './compare-checksums.js';
