import { createProvider, type MigrationSource, type Provider, type RunResult } from '@gander/core';
import { diffCatalogs } from '../catalog/diff.js';
import { snapshotCatalog } from '../catalog/snapshot.js';
import type { CatalogSnapshot, SnapshotOptions } from '../catalog/types.js';
import { TestkitError } from '../errors.js';
import { acceptancesFor, applyAcceptances, type Acceptances, type AcceptedDifference } from './acceptances.js';
import { bulletList, toStepError } from './failure-text.js';
import { loadSources, snapshotOptionsOf, type ScenarioOptions } from './migration-input.js';
import type { ScenarioStepError } from './scenario-report.js';

export type RoundTripPhase = 'up' | 'down' | 'up again';

/** One migration's up → down → up, with the catalog compared around each step. */
export interface RoundTripResult {
  version: bigint;
  file: string;
  ok: boolean;
  upMs: number | undefined;
  downMs: number | undefined;
  upAgainMs: number | undefined;
  /** What Up changed in the catalog, as diff lines. */
  changes: string[];
  /** How the catalog after Down differs from before Up; empty when Down restored it. */
  catalogDiff: string[];
  /** How the catalog after the second Up differs from after the first; empty when they match. */
  reapplyDiff: string[];
  /** Differences the `accept` option allows for this migration, each with its reason. */
  accepted: AcceptedDifference[];
  /**
   * A step failed to run; `leftBehind` is what it changed in the catalog anyway. `blame: 'down'` when Up failed
   * to run again only because Down left something behind.
   */
  error?: ScenarioStepError & { phase: RoundTripPhase; leftBehind: string[]; blame?: 'down' };
  /** Readable problems, each starting with the file name. */
  problems: string[];
}

export interface SecondUpResult {
  ok: boolean;
  /** Files the second `up` ran: should be none. */
  ran: string[];
  error?: ScenarioStepError;
  problems: string[];
}

/**
 * Runs the round trips one migration at a time on one database, so that a
 * test runner can give each migration its own test (migrationSuite) and
 * verifyMigrations can run them all.
 */
export interface RoundTripper {
  readonly sources: readonly MigrationSource[];
  /** Set once a migration failed to run: the database is then in no known state and later checks cannot run. */
  readonly broken: string | undefined;
  /** Check `version`; versions before it that are not applied yet are applied first, unchecked. */
  check(version: bigint): Promise<RoundTripResult>;
  /** `up` with everything applied must run nothing. */
  secondUp(): Promise<SecondUpResult>;
}

export async function createRoundTripper(options: Omit<ScenarioOptions, 'throwOnFailure'>): Promise<RoundTripper> {
  const sources = await loadSources(options);
  const provider = await createProvider({ ...options.provider, db: options.db, sources });
  const current = await provider.version();
  if (current !== 0n) {
    throw new TestkitError('E_DATABASE_NOT_EMPTY', `the database is at version ${current}: a round trip check starts from an empty database`, {
      hint: 'give it a fresh database (EphemeralServer.createDatabase)',
    });
  }
  return new Tripper(provider, sources, snapshotOptionsOf(options), options.accept);
}

const ms = (run: RunResult) => run.results[0]?.durationMs;

/** `:N`, the line of the file's `-- +goose Down` annotation, or nothing when it has none (a code migration). */
function downSectionLine(sources: readonly MigrationSource[], version: bigint): string {
  const source = sources.find((s) => s.version === version);
  const index = source ? source.content.split('\n').findIndex((line) => /^\s*--\s*\+goose\s+down\b/i.test(line)) : -1;
  return index === -1 ? '' : `:${index + 1}`;
}

/** gander's statement errors already start with `file:line:` and say up or down; others get both added. */
function headline(file: string, phase: RoundTripPhase, message: string): string {
  if (phase === 'up again') return `${file}: running up again after down failed: ${message}`;
  return message.startsWith(`${file}:`) ? message : `${file}: ${phase} failed: ${message}`;
}

class Tripper implements RoundTripper {
  broken: string | undefined;
  private last: { version: bigint; snapshot: CatalogSnapshot } | undefined;

  constructor(
    private readonly provider: Provider,
    readonly sources: readonly MigrationSource[],
    private readonly snapshotOptions: SnapshotOptions,
    private readonly accept: Acceptances | undefined = undefined,
  ) {
    // A key naming no migration, or an acceptance without a reason, is a mistake to hear about now.
    for (const source of sources) acceptancesFor(accept, sources, source);
  }

  private snapshot(): Promise<CatalogSnapshot> {
    return snapshotCatalog(this.provider.db, this.snapshotOptions);
  }

  private async catchUp(version: bigint): Promise<void> {
    const earlier = this.sources.filter((s) => s.version < version).at(-1);
    if (!earlier) return;
    const run = await this.provider.upTo(earlier.version);
    if (run.error) {
      this.broken = `applying the migrations before version ${version} failed: ${run.error.message}`;
      throw new TestkitError('E_SCENARIO_FAILED', this.broken);
    }
  }

  async check(version: bigint): Promise<RoundTripResult> {
    const source = this.sources.find((s) => s.version === version);
    if (!source) throw new TestkitError('E_INVALID_OPTION', `no migration with version ${version}`);
    if (this.broken) throw new TestkitError('E_SCENARIO_FAILED', `cannot check ${source.fileName}: ${this.broken}`);
    const current = await this.provider.version();
    if (current >= version) throw new TestkitError('E_INVALID_OPTION', `${source.fileName} is already applied (database at version ${current})`);
    await this.catchUp(version);
    const file = source.fileName;
    const result: RoundTripResult = {
      version,
      file,
      ok: false,
      upMs: undefined,
      downMs: undefined,
      upAgainMs: undefined,
      changes: [],
      catalogDiff: [],
      reapplyDiff: [],
      accepted: [],
      problems: [],
    };
    const before = this.last && this.last.version === (await this.provider.version()) ? this.last.snapshot : await this.snapshot();

    const up = await this.provider.upByOne();
    result.upMs = ms(up);
    if (await this.failed(result, 'up', up, before)) return result;
    const afterUp = await this.snapshot();
    result.changes = diffCatalogs(before, afterUp);

    const down = await this.provider.down();
    result.downMs = ms(down);
    if (await this.failed(result, 'down', down, before)) return result;
    const afterDown = await this.snapshot();
    result.catalogDiff = diffCatalogs(before, afterDown);

    const again = await this.provider.upByOne();
    result.upAgainMs = ms(again);
    if (await this.failed(result, 'up again', again, afterUp)) return result;
    const afterAgain = await this.snapshot();
    result.reapplyDiff = diffCatalogs(afterUp, afterAgain);
    this.last = { version, snapshot: afterAgain };

    const acceptances = acceptancesFor(this.accept, this.sources, source);
    const downDiff = applyAcceptances(file, result.catalogDiff, acceptances);
    const reapply = applyAcceptances(file, result.reapplyDiff, acceptances);
    result.catalogDiff = downDiff.kept;
    result.reapplyDiff = reapply.kept;
    result.accepted = [...downDiff.accepted, ...reapply.accepted];
    if (result.catalogDiff.length > 0) {
      result.problems.push(
        `${file}: down did not restore the catalog as it was before up (+ still there, - gone, ~ changed):\n${bulletList(result.catalogDiff)}`,
      );
    }
    if (result.reapplyDiff.length > 0) {
      result.problems.push(`${file}: up after down built a different catalog than the first up (+ new, - missing, ~ changed):\n${bulletList(result.reapplyDiff)}`);
    }
    result.ok = result.problems.length === 0;
    return result;
  }

  /** Record a step that failed to run; the database is then broken for later checks. */
  private async failed(result: RoundTripResult, phase: RoundTripPhase, run: RunResult, reference: CatalogSnapshot): Promise<boolean> {
    const error = run.error ?? run.results.find((r) => r.error)?.error;
    const ranIt = run.results.length === 1 && run.results[0]!.version === result.version;
    if (!error && ranIt) return false;
    const stepError = error
      ? toStepError(error)
      : { code: 'E_UNEXPECTED', message: `${phase} ran ${run.results.map((r) => r.file).join(', ') || 'nothing'} instead of ${result.file}` };
    const leftBehind = diffCatalogs(reference, await this.snapshot().catch(() => reference));
    result.error = { ...stepError, phase, leftBehind };
    this.broken = `${result.file} failed to run (${phase})`;
    if (phase === 'up again' && result.catalogDiff.length > 0) {
      // Up ran once on this catalog; it fails now because Down left something behind: the fault is Down's.
      result.error.blame = 'down';
      result.problems.push(
        [
          `${result.file}${downSectionLine(this.sources, result.version)}: down did not restore the catalog as it was before up (+ still there, - gone, ~ changed):`,
          bulletList(result.catalogDiff),
          `so running up again failed: ${stepError.message}`,
          `hint: fix the Down section (${result.file}${downSectionLine(this.sources, result.version)}): it must undo what Up did (drop what is still there); the Up statement ran fine on the catalog before it`,
        ].join('\n'),
      );
      return true;
    }
    result.problems.push(
      [
        headline(result.file, phase, stepError.message),
        ...(leftBehind.length > 0 ? [`the failed ${phase} left the catalog changed:\n${bulletList(leftBehind)}`] : []),
        ...(stepError.hint ? [`hint: ${stepError.hint}`] : []),
      ].join('\n'),
    );
    return true;
  }

  async secondUp(): Promise<SecondUpResult> {
    const run = await this.provider.up();
    const ran = run.results.map((r) => r.file);
    const problems: string[] = [];
    if (ran.length > 0) problems.push(`a second up ran ${ran.join(', ')}: with every migration applied it must run nothing`);
    if (run.error) problems.push(`a second up failed: ${run.error.message}`);
    return {
      ok: problems.length === 0,
      ran,
      ...(run.error ? { error: toStepError(run.error) } : {}),
      problems,
    };
  }
}
