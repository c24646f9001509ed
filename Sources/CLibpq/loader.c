#include "CLibpq.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#define EACH(X) \
    X(PGconn *, PQconnectdb, (const char *a), (a)) \
    X(PGconn *, PQconnectdbParams, (const char *const *a, const char *const *b, int c), (a, b, c)) \
    X(PQconninfoOption *, PQconndefaults, (void), ()) \
    X(void, PQfinish, (PGconn *a), (a)) \
    X(void, PQreset, (PGconn *a), (a)) \
    X(PQnoticeProcessor, PQsetNoticeProcessor, (PGconn *a, PQnoticeProcessor b, void *c), (a, b, c)) \
    X(PQconninfoOption *, PQconninfoParse, (const char *a, char **b), (a, b)) \
    X(void, PQconninfoFree, (PQconninfoOption *a), (a)) \
    X(ConnStatusType, PQstatus, (const PGconn *a), (a)) \
    X(char *, PQerrorMessage, (const PGconn *a), (a)) \
    X(int, PQsocket, (const PGconn *a), (a)) \
    X(PGresult *, PQexec, (PGconn *a, const char *b), (a, b)) \
    X(PGresult *, PQexecParams, \
      (PGconn *a, const char *b, int c, const Oid *d, const char *const *e, const int *f, const int *g, int h), \
      (a, b, c, d, e, f, g, h)) \
    X(PGresult *, PQprepare, (PGconn *a, const char *b, const char *c, int d, const Oid *e), (a, b, c, d, e)) \
    X(PGresult *, PQexecPrepared, \
      (PGconn *a, const char *b, int c, const char *const *d, const int *e, const int *f, int g), \
      (a, b, c, d, e, f, g)) \
    X(int, PQsendQueryPrepared, \
      (PGconn *a, const char *b, int c, const char *const *d, const int *e, const int *f, int g), \
      (a, b, c, d, e, f, g)) \
    X(PGresult *, PQgetResult, (PGconn *a), (a)) \
    X(int, PQenterPipelineMode, (PGconn *a), (a)) \
    X(int, PQexitPipelineMode, (PGconn *a), (a)) \
    X(int, PQpipelineSync, (PGconn *a), (a)) \
    X(int, PQconsumeInput, (PGconn *a), (a)) \
    X(PGnotify *, PQnotifies, (PGconn *a), (a)) \
    X(ExecStatusType, PQresultStatus, (const PGresult *a), (a)) \
    X(char *, PQresultErrorField, (const PGresult *a, int b), (a, b)) \
    X(int, PQntuples, (const PGresult *a), (a)) \
    X(int, PQnfields, (const PGresult *a), (a)) \
    X(char *, PQfname, (const PGresult *a, int b), (a, b)) \
    X(int, PQfnumber, (const PGresult *a, const char *b), (a, b)) \
    X(Oid, PQftype, (const PGresult *a, int b), (a, b)) \
    X(char *, PQcmdTuples, (PGresult *a), (a)) \
    X(char *, PQgetvalue, (const PGresult *a, int b, int c), (a, b, c)) \
    X(int, PQgetlength, (const PGresult *a, int b, int c), (a, b, c)) \
    X(int, PQgetisnull, (const PGresult *a, int b, int c), (a, b, c)) \
    X(void, PQclear, (PGresult *a), (a)) \
    X(void, PQfreemem, (void *a), (a))

#define POINTER(ret, name, params, args) static ret(*p_##name) params;
EACH(POINTER)

#define WRAPPER(ret, name, params, args) \
    ret G##name params { return p_##name args; }
EACH(WRAPPER)

// The server's notices would be printed on standard error, over a board's screen.
static void discard(void *arg, const char *message) {
    (void)arg;
    (void)message;
}

void golive_pq_quiet(PGconn *conn) { p_PQsetNoticeProcessor(conn, discard, NULL); }

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char why[512];
static int loaded = -1;

static void load(void) {
    // libpq5's soname: the runtime package every PostgreSQL client on Debian installs.
    void *lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(why, sizeof why, "%s", dlerror());
        return;
    }
#define RESOLVE(ret, name, params, args) \
    if (!(*(void **)&p_##name = dlsym(lib, #name))) { \
        snprintf(why, sizeof why, "libpq.so.5 has no %s", #name); \
        return; \
    }
    EACH(RESOLVE)
    loaded = 0;
}

int golive_pq_load(char *error, size_t size) {
    pthread_once(&once, load);
    if (loaded != 0 && error && size) snprintf(error, size, "%s", why);
    return loaded;
}
