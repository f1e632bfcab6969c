// sql.js with its WebAssembly inlined (no separate .wasm file to serve), for the web demo.
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}
