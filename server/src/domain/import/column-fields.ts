import { rowName, type ColumnTable, type ImportCheck, type ImportValues } from '@gridwatch/contract';
import {
  date,
  integer,
  number,
  oneOf,
  optional,
  required,
  text,
  type Field,
  type Fields,
  type Parser,
} from './fields';

function parserOf(check: ImportCheck): Parser<unknown> {
  switch (check.type) {
    case 'text':
      return text();
    case 'date':
      return date();
    case 'oneOf':
      return oneOf(check.values);
    case 'number':
      return number(check);
    case 'integer':
      return integer(check);
  }
}

/** The import fields of a column table: its imported columns, in its order, references by externalId. */
export function fieldsOf<T extends ColumnTable>(table: T): Fields<ImportValues<T>> {
  const fields: Record<string, Field<unknown>> = {};
  for (const [name, column] of Object.entries(table)) {
    const rule = column.imported;
    if (!rule) continue;
    const parser = parserOf(rule.check);
    const reference = column.reference?.table;
    fields[rowName(name, column)] = rule.required
      ? required(parser, reference)
      : optional(parser, rule.absent ?? null, reference);
  }
  return fields as unknown as Fields<ImportValues<T>>;
}
