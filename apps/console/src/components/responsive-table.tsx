import type { AriaAttributes, ReactNode } from 'react';

export interface TableColumn<T> {
  /** The header text, repeated on every cell as `data-label` so the folded card layout can name it. */
  label: string;
  render: (row: T) => ReactNode;
  /** Class of this column's cells, e.g. `numeric`. */
  className?: string;
}

export interface ResponsiveTableProps<T> {
  /** Read by screen readers only; the visible heading sits outside the table. */
  caption: string;
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  columns: readonly TableColumn<T>[];
  /** Added after `responsive-table`. */
  className?: string;
  /** Id of a note that explains the table's contents. */
  describedBy?: string;
  /** Marks a row as the current one (e.g. today), for screen readers. */
  rowCurrent?: (row: T) => AriaAttributes['aria-current'];
}

/**
 * The one table markup every list uses: a real table on wide screens, labelled cards below 40 rem (see
 * `.responsive-table` in styles.css), so nothing scrolls sideways on a phone.
 */
export function ResponsiveTable<T>({ caption, rows, rowKey, columns, className, describedBy, rowCurrent }: ResponsiveTableProps<T>) {
  return (
    <div className="table-wrap">
      <table className={className ? `responsive-table ${className}` : 'responsive-table'} aria-describedby={describedBy}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} aria-current={rowCurrent?.(row)}>
              {columns.map((column) => (
                <td key={column.label} data-label={column.label} className={column.className}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
