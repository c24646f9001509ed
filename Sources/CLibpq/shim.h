// PostgreSQL's own C client, as every other tool talks to a server: it reads PGHOST,
// PGUSER, PGPASSWORD, ~/.pgpass, sslmode and postgresql:// URLs itself. Only the store
// module imports this.
#ifndef GOLIVE_CLIBPQ_SHIM_H
#define GOLIVE_CLIBPQ_SHIM_H
#include <postgresql/libpq-fe.h>
#endif
