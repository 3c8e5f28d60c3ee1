// The testkit README's example, as a consumer writes it.
import { migrationSuite } from '@gander/testkit/vitest';

migrationSuite({ dir: 'migrations' });
