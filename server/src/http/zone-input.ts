import { zoneFieldProblems } from '../domain/zone-fields';
import { validationFailed } from './app-error';

/** A zone's name and due date as the schema cannot check them (a blank name, 30 February): 400 naming each. */
export function requireZoneFields(fields: { name?: string; dueDate?: string | null }): void {
  const problems = zoneFieldProblems(fields);
  if (problems.length === 0) return;
  throw validationFailed(
    problems.map((p) => p.reason).join('; '),
    problems.map((p) => ({ in: 'body', path: p.path, message: p.reason })),
  );
}
