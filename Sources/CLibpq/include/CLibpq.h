// PostgreSQL's own C client, as every other tool talks to a server: it reads PGHOST,
// PGUSER, PGPASSWORD, ~/.pgpass, sslmode and postgresql:// URLs itself.
//
// Loaded only when a team store is opened (golive_pq_load): linked in, libpq and the 22
// libraries it needs (TLS, Kerberos, LDAP) were loaded by every command, and `golive
// --version` took 17 ms instead of 11 for users who never touch PostgreSQL. Its types come
// from its header; its functions through the pointers below, named as libpq names them
// with a `G` in front.
#ifndef GOLIVE_CLIBPQ_H
#define GOLIVE_CLIBPQ_H
#include <stddef.h>
#include <postgresql/libpq-fe.h>

// 0 once libpq is loaded; otherwise -1, with why in `error`.
int golive_pq_load(char *error, size_t size);
// The server's notices on this connection go nowhere (libpq prints them on stderr).
void golive_pq_quiet(PGconn *conn);

PGconn *GPQconnectdb(const char *conninfo);
PGconn *GPQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname);
PQconninfoOption *GPQconndefaults(void);
void GPQfinish(PGconn *conn);
void GPQreset(PGconn *conn);
PQconninfoOption *GPQconninfoParse(const char *conninfo, char **errmsg);
void GPQconninfoFree(PQconninfoOption *options);
ConnStatusType GPQstatus(const PGconn *conn);
char *GPQerrorMessage(const PGconn *conn);
int GPQsocket(const PGconn *conn);
PGresult *GPQexec(PGconn *conn, const char *query);
PGresult *GPQexecParams(
    PGconn *conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues,
    const int *paramLengths, const int *paramFormats, int resultFormat);
PGresult *GPQprepare(PGconn *conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes);
PGresult *GPQexecPrepared(
    PGconn *conn, const char *stmtName, int nParams, const char *const *paramValues, const int *paramLengths,
    const int *paramFormats, int resultFormat);
int GPQsendQueryPrepared(
    PGconn *conn, const char *stmtName, int nParams, const char *const *paramValues, const int *paramLengths,
    const int *paramFormats, int resultFormat);
PGresult *GPQgetResult(PGconn *conn);
int GPQenterPipelineMode(PGconn *conn);
int GPQexitPipelineMode(PGconn *conn);
int GPQpipelineSync(PGconn *conn);
int GPQconsumeInput(PGconn *conn);
PGnotify *GPQnotifies(PGconn *conn);
ExecStatusType GPQresultStatus(const PGresult *res);
char *GPQresultErrorField(const PGresult *res, int fieldcode);
int GPQntuples(const PGresult *res);
int GPQnfields(const PGresult *res);
char *GPQfname(const PGresult *res, int field_num);
int GPQfnumber(const PGresult *res, const char *field_name);
Oid GPQftype(const PGresult *res, int field_num);
char *GPQcmdTuples(PGresult *res);
char *GPQgetvalue(const PGresult *res, int tup_num, int field_num);
int GPQgetlength(const PGresult *res, int tup_num, int field_num);
int GPQgetisnull(const PGresult *res, int tup_num, int field_num);
void GPQclear(PGresult *res);
void GPQfreemem(void *ptr);
#endif
