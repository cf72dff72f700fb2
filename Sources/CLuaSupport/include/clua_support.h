#ifndef BUSBAR_CLUA_SUPPORT_H
#define BUSBAR_CLUA_SUPPORT_H

#include <stddef.h>
#include <stdint.h>
#include <lua.h>

/* Per-state accounting and budgets, owned by Swift, reachable from C through lua_getextraspace
   (docs/conventions.md, Lua binding; docs/reliability.md §3). */
typedef struct clua_accounting {
    size_t used;            /* bytes currently allocated by the state */
    size_t peak;            /* the most ever allocated */
    size_t limit;           /* the cap while `enforce` is set */
    int enforce;            /* 1 while policy code runs: allocations above `limit` fail */
    int memory_exhausted;   /* set by the allocator when it refused a block during policy code */
    lua_State *state;       /* the state, so the allocator can make the hook sticky */
    int64_t budget;         /* instruction budget of one evaluation */
    int64_t instructions;   /* instructions counted so far (in steps of CLUA_HOOK_STEP) */
    int64_t wall_budget_ns; /* wall-clock budget of one evaluation */
    int64_t deadline_ns;    /* CLOCK_MONOTONIC deadline of the running evaluation */
    int budget_exhausted;   /* 1 once the budget or the deadline was spent: the hook is sticky */
    int explain;            /* 1 to record executed lines (explain mode only) */
    int function_line;      /* the line where the called policy function is defined */
} clua_accounting;

/* Instructions between two count-hook calls. */
#define CLUA_HOOK_STEP 1000

/* Status codes of clua_sandbox_call beyond Lua's own. */
#define CLUA_ERRBUDGET 100
#define CLUA_ERRMEMORY 101

/* The capped allocator: counts nsize - osize; osize is a type tag when ptr is NULL. */
void *clua_capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* A bare state whose allocations are accounted in `accounting` (which must outlive the state). */
lua_State *clua_newstate(clua_accounting *accounting);

/* A sandboxed state: base, string, table, math and utf8 opened inside a protected call, the
   allow-list environment, the frozen string metatable and the host helpers. NULL on failure. */
lua_State *clua_sandbox_open(clua_accounting *accounting);

/* Compiles `text` as a text-only chunk named `chunkname` ("@policies/<depot>/<file>.lua") and keeps
   it under `path` for entry calls and `require`. Returns LUA_OK, or an error status with the
   message on top of the stack. Binary chunks are refused before loading. */
int clua_sandbox_load(lua_State *L, const char *path, const char *chunkname, const char *text, size_t length);

/* Prepares an evaluation: clears the stack and pushes the entry function, the chunk path and the
   name of the policy function; the caller then pushes the arguments. */
void clua_sandbox_prepare(lua_State *L, const char *path, const char *function);

/* Runs the prepared evaluation with `nargs` arguments under the budgets: instruction count hook,
   wall-clock deadline, memory cap. Leaves (found, result) on success or the message on error.
   Returns LUA_OK, CLUA_ERRBUDGET, CLUA_ERRMEMORY or a Lua error status. */
int clua_sandbox_call(lua_State *L, int nargs);

/* Pushes the registry table of one evaluation's `log` lines, `trace` pairs or executed lines. */
void clua_sandbox_push_log(lua_State *L);
void clua_sandbox_push_trace(lua_State *L);
void clua_sandbox_push_lines(lua_State *L);

/* One entry of a priority result read straight from the stack. */
typedef struct clua_priority_entry {
    int64_t tier;
    double min_kw;          /* NAN when absent */
    double max_kw;          /* NAN when absent */
    const char *reason;     /* NULL when absent; points into the Lua string, valid until the stack is cleared */
    size_t reason_length;
} clua_priority_entry;

/* The fast path for priority results: reads the table at `index` into `entries` when it has
   exactly the contract's shape (count items, each an integer tier or a table of known, well-typed
   fields). Returns 0 on any deviation, without raising; the caller then reads the value the slow
   way to name the failing path. Raw access only, so it never calls into Lua. */
int clua_read_priority(lua_State *L, int index, int count, clua_priority_entry *entries);

/* A UTF-8 string inside the byte buffer passed beside it; a negative length means absent (nil). */
typedef struct clua_text {
    int32_t offset;
    int32_t length;
} clua_text;

/* Bits of clua_session.present: which optional fields are set, and the three flags. */
#define CLUA_SESSION_MIN_TARGET_SOC 0x01
#define CLUA_SESSION_ARRIVAL 0x02
#define CLUA_SESSION_DEPARTURE 0x04
#define CLUA_SESSION_MINUTES_TO_TARGET 0x08
#define CLUA_SESSION_PLUGGED_SINCE 0x10
#define CLUA_SESSION_RESERVED 0x20
#define CLUA_SESSION_PLANNED 0x40
#define CLUA_SESSION_LATE 0x80

/* One session of a priority call as flat values (docs/policy-api.md, `ctx.sessions[i]`); times are
   Unix seconds. Swift fills an array of these and C builds every table in one call. */
typedef struct clua_session {
    clua_text id, tenant, vehicle_id, vin, charger, bay, area;
    double battery_kwh, vehicle_max_kw, connector_max_kw;
    int64_t connector_id;
    double soc, target_soc, min_target_soc, energy_needed_kwh, minutes_to_target;
    double arrival, departure, plugged_since;
    uint32_t present;
} clua_session;

/* Pushes `ctx.sessions`: a fresh array of `count` session views with the tenant's view taken from
   the table at `tenants`. The views (session, vehicle, connector) are persistent, read-only proxies
   per state whose hidden data is rewritten only where a value differs from the previous call; a
   policy cannot write them, so nothing it does survives the call. Runs outside the memory cap,
   like every input push. */
void clua_push_sessions(lua_State *L, const clua_session *sessions, int count, const char *text, int tenants);

/* When the value at `index` is a session view, pushes its data table and returns 1; otherwise
   pushes nothing and returns 0. For reading values back (trace, checked decoding) as the policy
   saw them. */
int clua_view_data(lua_State *L, int index);

/* The Lua release linked at run time, as LUA_VERSION_NUM-style number (504) and release text. */
int clua_linked_version(void);
const char *clua_release(void);

#endif
