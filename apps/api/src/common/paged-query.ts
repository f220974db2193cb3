import type { DataSource } from 'typeorm';
import { SqlParameters } from '../../../../libs/access/access-policy';
import type { Page } from './page';

/** One page of a list, and how many rows the whole list has. */
export interface PagedQuery {
  /** The listed rows' table(s), alias included: `cases c`. */
  from: string;
  /** Which rows the list has (an access condition included): counted for the total, and paged. */
  where: string;
  /** The values of the `$n` in `from` and `where`, in order. */
  params: readonly unknown[];
  /**
   * The columns of a page's rows; a function when they take parameters of their own (they follow `params`).
   */
  select: string | ((params: SqlParameters) => string);
  /** Joined to a page's rows only (what they show), never to the count: `LEFT JOIN users u ON …`. */
  join?: string;
  /** GROUP BY of a page's rows, when `join` brings several rows for one listed row. */
  groupBy?: string;
  /** ORDER BY that ends in a unique column, so that the pages neither repeat nor skip a row. */
  orderBy: string;
  page: number;
  pageSize: number;
}

/**
 * `count(*)` of the list, then the page's rows (`LIMIT`/`OFFSET` after the list's own parameters), each
 * made into its view: the total and the page come from the same `from` and `where`.
 */
export async function pagedQuery<Row, Item>(
  dataSource: DataSource,
  query: PagedQuery,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const { from, where, page, pageSize } = query;
  const [{ total }]: { total: number }[] = await dataSource.query(
    `SELECT count(*)::int AS total FROM ${from} WHERE ${where}`,
    [...query.params],
  );
  const params = new SqlParameters();
  params.values.push(...query.params);
  const select = typeof query.select === 'string' ? query.select : query.select(params);
  const rows: Row[] = await dataSource.query(
    `SELECT ${select} FROM ${from}${query.join ? ` ${query.join}` : ''} WHERE ${where}` +
      `${query.groupBy ? ` GROUP BY ${query.groupBy}` : ''} ORDER BY ${query.orderBy}` +
      ` LIMIT ${params.add(pageSize)} OFFSET ${params.add((page - 1) * pageSize)}`,
    params.values,
  );
  return { items: rows.map(toItem), page, pageSize, total };
}
