/** The Virtuoso graph group whose members only users with private-graph permissions can see. */
export const PRIVATE_GRAPHS = 'http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs';

/**
 * Graphs that a fresh Virtuoso 7.2.5 database (Debian's virtuoso-opensource 7.2.5.1) contains:
 * the quad-map schema, the LDP vocabulary and the service description of the endpoint. Without
 * an `[URIQA] DefaultHost` setting the last one is named after `localuriqaserver`.
 */
export const SYSTEM_GRAPHS = [
  'http://www.openlinksw.com/schemas/virtrdf#',
  'http://www.w3.org/ns/ldp#',
  'http://localuriqaserver/sparql',
];

/** Folder and loopback ports of one test server. */
export interface VirtuosoIniSettings {
  readonly folder: string;
  readonly sqlPort: number;
  readonly httpPort: number;
}

/**
 * Writes a virtuoso.ini whose database lives in `folder` and whose SQL and HTTP servers listen on
 * 127.0.0.1 only. `ResultSetMaxRows` is raised from Debian's 10,000 because Virtuoso cuts longer
 * results without an error, and the store cuts results itself.
 */
export function virtuosoIni({ folder, sqlPort, httpPort }: VirtuosoIniSettings): string {
  return `[Database]
DatabaseFile = ${folder}/virtuoso.db
ErrorLogFile = ${folder}/virtuoso.log
LockFile = ${folder}/virtuoso.lck
TransactionFile = ${folder}/virtuoso.trx
xa_persistent_file = ${folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = ${folder}/virtuoso-temp.db
TransactionFile = ${folder}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:${sqlPort}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 60
DirsAllowed = .

[HTTPServer]
ServerPort = 127.0.0.1:${httpPort}
ServerRoot = ${folder}
ServerThreads = 4
MaxClientConnections = 8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 10
`;
}

/**
 * Writes the SQL that makes the database ready for a store user. The user gets the SPARQL_UPDATE
 * role, which the authenticated update and Graph Store endpoints require. Anonymous callers read
 * nothing, and the system graphs become private graphs that the store user cannot read. So the union of
 * all graphs the store user sees is exactly the union of the store's own graphs. Last, the
 * default `dba` password is replaced.
 */
export function setupSql(user: string, password: string, dbaPassword: string): string {
  const privateGraphs = SYSTEM_GRAPHS.map((graph) => `DB.DBA.RDF_GRAPH_GROUP_INS('${PRIVATE_GRAPHS}', '${graph}');`);
  return [
    `DB.DBA.USER_CREATE('${user}', '${password}');`,
    `GRANT SPARQL_UPDATE TO "${user}";`,
    `DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 0);`,
    `DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 0, 1);`,
    `DB.DBA.RDF_DEFAULT_USER_PERMS_SET('${user}', 15);`,
    `DB.DBA.RDF_GRAPH_GROUP_CREATE('${PRIVATE_GRAPHS}', 1);`,
    ...privateGraphs,
    `DB.DBA.RDF_DEFAULT_USER_PERMS_SET('${user}', 0, 1);`,
    `DB.DBA.USER_PASSWORD_SET('dba', '${dbaPassword}');`,
    '',
  ].join('\n');
}
